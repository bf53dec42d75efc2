import { afterAll, describe, expect, it } from "vitest";

import { simulatorPerFile } from "./test-support";

// vCenter runs at most 4 instant clones at once per host and queues the rest; with a clone
// time set, the simulator does the same, and each clone exists only once its time has passed.

const t = simulatorPerFile("reset-before-each");
// Hooks run last-registered first: the queue is emptied before the simulator closes.
afterAll(async () => {
  await t.client.call("PUT", "/__sim/clone-queue", { body: { clone_ms: 0 } });
});

const clone = (name: string) =>
  t.client.call("POST", "/api/vcenter/vm?action=instant-clone", {
    token: t.token,
    body: { source: "vm-1023", name },
  });
const stats = async () =>
  (await t.client.call("GET", "/__sim/clone-queue")).body as {
    running: number;
    queued: number;
    peak: number;
  };
const named = async (name: string) =>
  (await t.client.call("GET", `/api/vcenter/vm?names=${name}`, { token: t.token }))
    .body as unknown[];

describe("clone time and the per-host queue", () => {
  it("runs 4 clones of one host at once, queues the other 2, and makes all 6", async () => {
    await t.client.call("PUT", "/__sim/clone-queue", { body: { clone_ms: 1500 } });
    const replies = Promise.all(Array.from({ length: 6 }, (_, i) => clone(`q-${i + 1}`)));
    let now = await stats();
    while (now.running + now.queued < 6) now = await stats();
    expect(now).toMatchObject({ running: 4, queued: 2 });
    expect(await named("q-1")).toEqual([]); // not there until its time has passed
    for (const reply of await replies) expect(reply.status).toBe(200);
    for (let i = 1; i <= 6; i++) expect(await named(`q-${i}`)).toHaveLength(1);
    expect((await stats()).peak).toBe(4);
  });

  it("refuses a clone time that is not a whole number", async () => {
    const reply = await t.client.call("PUT", "/__sim/clone-queue", { body: { clone_ms: -1 } });
    expect(reply.status).toBe(400);
  });
});
