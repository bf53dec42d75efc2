import { request } from "undici";
import { describe, expect, it } from "vitest";

import { simulatorPerFile } from "./test-support";

// The faults that spoil an answer after (or while) the operation happens, as a proxy or a
// struggling vCenter would: each test reads the raw wire and then the inventory.
const t = simulatorPerFile("clear-faults-after-each");

const CLONE = "/api/vcenter/vm?action=instant-clone";
const addFault = async (fault: unknown) =>
  expect((await t.client.call("POST", "/__sim/faults", { body: fault })).status).toBe(201);
const cloneCount = async (name: string) =>
  (
    (await t.client.call("GET", `/api/vcenter/vm?names=${name}`, { token: t.token }))
      .body as unknown[]
  ).length;
const postClone = (name: string, signal?: AbortSignal) =>
  request(t.sim.url + CLONE, {
    method: "POST",
    headers: { "content-type": "application/json", "vmware-api-session-id": t.token },
    body: JSON.stringify({ source: "vm-1001", name }),
    signal,
  });

describe("faults that spoil the answer", () => {
  it("answers an HTML page with its own content type after making the clone", async () => {
    const page = "<html><body><h1>504 Gateway Time-out</h1></body></html>";
    await addFault({
      match: { path: CLONE },
      kind: "error",
      status: 504,
      body: page,
      content_type: "text/html",
      after: true,
    });
    const res = await postClone("ic-html-after");
    expect(res.statusCode).toBe(504);
    expect(res.headers["content-type"]).toBe("text/html");
    expect(await res.body.text()).toBe(page);
    expect(await cloneCount("ic-html-after")).toBe(1);
  });

  it("answers a 200 of the wrong shape after making the clone", async () => {
    await addFault({
      match: { path: CLONE },
      kind: "error",
      status: 200,
      body: { value: { vm: "?" } },
      after: true,
    });
    const res = await postClone("ic-shape");
    expect(res.statusCode).toBe(200);
    expect(await res.body.json()).toEqual({ value: { vm: "?" } });
    expect(await cloneCount("ic-shape")).toBe(1);
  });

  it("sends the headers, half the body, then closes (truncate): the clone exists", async () => {
    await addFault({ match: { path: CLONE }, kind: "truncate" });
    const res = await postClone("ic-truncate");
    expect(res.statusCode).toBe(200);
    await expect(res.body.text()).rejects.toThrow();
    expect(await cloneCount("ic-truncate")).toBe(1);
  });

  it("trickles the body past a client's timeout: the clone exists", async () => {
    await addFault({ match: { path: CLONE }, kind: "trickle", ms: 2_000 });
    const res = await postClone("ic-trickle", AbortSignal.timeout(500));
    expect(res.statusCode).toBe(200);
    await expect(res.body.text()).rejects.toMatchObject({ name: "TimeoutError" });
    expect(await cloneCount("ic-trickle")).toBe(1);
  });

  it("trickles a whole answer to a patient client", async () => {
    await addFault({ match: { path: CLONE }, kind: "trickle", ms: 200 });
    const res = await postClone("ic-trickle-ok");
    expect(await res.body.json()).toMatch(/^vm-\d+$/);
  });

  it("never answers, and makes the clone `ms` after the call (late)", async () => {
    await addFault({ match: { path: CLONE }, kind: "late", ms: 700 });
    await expect(postClone("ic-late", AbortSignal.timeout(200))).rejects.toMatchObject({
      name: "TimeoutError",
    });
    expect(await cloneCount("ic-late")).toBe(0);
    await expect.poll(() => cloneCount("ic-late"), { timeout: 5_000 }).toBe(1);
    const calls = (await t.client.call("GET", "/__sim/calls?operation=vcenter.vm.instant_clone"))
      .body as { calls: { fault?: string; status: number | null }[] };
    expect(calls.calls.at(-1)).toMatchObject({ fault: "late", status: null });
  });

  it("streams a 200 body of exactly `bytes` bytes, valid JSON (huge)", async () => {
    await addFault({ match: { path: "/api/vcenter/vm" }, kind: "huge", bytes: 1_000_000 });
    const res = await request(`${t.sim.url}/api/vcenter/vm`, {
      headers: { "vmware-api-session-id": t.token },
    });
    const text = await res.body.text();
    expect(Buffer.byteLength(text)).toBe(1_000_000);
    expect(Array.isArray(JSON.parse(text))).toBe(true);
  });

  it("refuses a bad size", async () => {
    const reply = await t.client.call("POST", "/__sim/faults", {
      body: { kind: "huge", bytes: -1 },
    });
    expect(reply).toMatchObject({ status: 400, body: { error: "bytes must be 2 or more" } });
  });
});
