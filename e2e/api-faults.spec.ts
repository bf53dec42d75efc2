import { readFileSync } from "node:fs";
import path from "node:path";

import type { APIRequestContext } from "@playwright/test";

import type { Operation } from "../lib/schemas/operation";

import { simVmsNamed } from "./direct-simulator";
import { expect, loginAs, test, uniqueName, USERS } from "./fixtures";
import { faultsSimUrl } from "./ports";

// Faults between the console and vCenter, on the `faults` simulator (timeoutMs 3000, so the
// settle window after an uncertain answer is 3 s), one at a time. Each test checks what the
// person is told, what the history records, and that both agree with the simulator's own
// inventory, read straight from it.
test.describe.configure({ mode: "serial", timeout: 60_000 });

const CLONE_PATH = "/api/vcenter/vm?action=instant-clone";
const CLONE = { method: "POST", path: CLONE_PATH };
const LOG_FILE = path.join(__dirname, ".results", "console.log");
let api: APIRequestContext;
let source: string;

test.beforeAll(async ({ playwright }) => {
  api = await loginAs(playwright, USERS.admin, "faults");
  const res = await api.get("/api/environments/faults/vms?q=dev-ubuntu-01");
  source = ((await res.json()) as { items: { vm: string }[] }).items[0].vm;
});
test.afterAll(async () => api.dispose());

const clone = (name: string, extra: Record<string, unknown> = {}) =>
  api.post("/api/environments/faults/instant-clone", { data: { source, name, ...extra } });
const operation = async (id: string): Promise<Operation> =>
  (await api.get(`/api/environments/faults/operations/${id}`)).json();
const inSimulator = async (name: string) =>
  (await simVmsNamed(faultsSimUrl, name)).map((vm) => vm.vm);

/** Waits for the background worker to settle the operation; history reads never wait. */
async function settled(id: string): Promise<Operation> {
  await expect
    .poll(async () => (await operation(id)).state, { timeout: 30_000, intervals: [500] })
    .not.toBe("unknown");
  return operation(id);
}

/** The console's log lines for one request id. */
const logLines = (requestId: string) =>
  readFileSync(LOG_FILE, "utf8")
    .split("\n")
    .filter((line) => line.includes(requestId))
    .map((line) => JSON.parse(line) as Record<string, unknown>);

/** An answer of unknown outcome: origin network or vcenter, with the operation and request ids. */
async function expectUnknownAnswer(res: Awaited<ReturnType<typeof clone>>, origin: string) {
  const { error } = await res.json();
  expect(error).toMatchObject({ origin, operation: expect.any(String) });
  expect(error.message).toMatch(/not known yet/);
  expect(error.message).toContain(`Look for request_id ${error.request_id}`);
  expect(res.headers()["x-request-id"]).toBe(error.request_id);
  await expect
    .poll(() => logLines(error.request_id))
    .toContainEqual(
      expect.objectContaining({ kind: "clone", operation: error.operation, outcome: "unknown" }),
    );
  expect(await operation(error.operation)).toMatchObject({ state: "unknown" });
  return error as { operation: string; request_id: string; status: number };
}

test("vCenter slower than the timeout: unknown at first, then the clone it completed late", async ({
  faults,
}) => {
  // The clone is made 1.5 s after the console's 3 s timeout: inside the settle window.
  await faults.fault({ match: CLONE, kind: "late", ms: 4_500 });
  const name = uniqueName("f-late");
  const res = await clone(name);
  expect(res.status()).toBe(504);
  const error = await expectUnknownAnswer(res, "network");
  expect(await inSimulator(name)).toEqual([]); // not made yet when the console answered
  const done = await settled(error.operation);
  expect(done).toMatchObject({ state: "succeeded", settled_by: "lookup" });
  expect(await inSimulator(name)).toEqual([done.vm]);
});

for (const [title, fault] of [
  ["a 503 with vCenter's body", { kind: "error", status: 503 }],
  ["a 504 from the proxy", { kind: "error", status: 504 }],
  [
    "an HTML error page",
    {
      kind: "error",
      status: 502,
      body: "<html><body><h1>502 Bad Gateway</h1><hr><center>nginx</center></body></html>",
      content_type: "text/html",
    },
  ],
  ["a 200 of the wrong shape", { kind: "error", status: 200, body: { value: { vm: 1 } } }],
  ["headers, then the connection closed", { kind: "truncate" }],
  ["a body that trickles past the timeout", { kind: "trickle", ms: 6_000 }],
] as const) {
  test(`${title} after vCenter made the clone: recorded and answered as made`, async ({
    faults,
  }) => {
    await faults.fault({ match: CLONE, after: true, ...fault });
    const name = uniqueName("f-after");
    const res = await clone(name);
    const body = await res.json();
    // The look right after the uncertain answer found the new VM: the truth, at once.
    expect(res.status(), JSON.stringify(body)).toBe(201);
    expect(body).toMatchObject({ name, settled_by: "lookup" });
    expect(await operation(body.operation)).toMatchObject({
      state: "succeeded",
      vm: body.vm,
      settled_by: "lookup",
    });
    expect(await inSimulator(name)).toEqual([body.vm]);
  });
}

test("a 503 before vCenter acted: unknown, then not made once the settle window is over", async ({
  faults,
}) => {
  const body = {
    error_type: "SERVICE_UNAVAILABLE",
    messages: [{ id: "vapi.send.request.error", default_message: "vpxd is restarting.", args: [] }],
  };
  await faults.fault({ match: CLONE, kind: "error", status: 503, body });
  const name = uniqueName("f503");
  const res = await clone(name);
  expect(res.status()).toBe(503);
  const error = await expectUnknownAnswer(res, "vcenter");
  expect((await res.json()).error.vcenter).toEqual(body); // vCenter's body, unchanged
  const done = await settled(error.operation);
  expect(done).toMatchObject({ state: "failed", settled_by: "lookup", error: { vcenter: body } });
  expect(await inSimulator(name)).toEqual([]);
});

test("vCenter's definitive refusal is failed at once, with no lookup", async () => {
  const res = await clone(uniqueName("f-refused"), { placement: { folder: "group-v9999" } });
  expect(res.status()).toBe(404);
  const { error } = await res.json();
  expect(error).toMatchObject({ origin: "vcenter", vcenter: { error_type: "NOT_FOUND" } });
  const op = await operation(error.operation);
  expect(op).toMatchObject({ state: "failed" });
  expect(op.settled_by).toBeUndefined();
});

test("a namesake in another folder is never taken for this clone", async ({ faults }) => {
  const name = uniqueName("f-twin");
  const first = await clone(name); // dev-ubuntu-01's folder, Dev
  expect(first.status()).toBe(201);
  const twin = (await first.json()).vm as string;
  // The same name from prod-web-01 (folder Prod), no placement.folder; the connection drops
  // before vCenter acts.
  await faults.fault({ match: CLONE, kind: "drop" });
  const res = await api.post("/api/environments/faults/instant-clone", {
    data: { source: "vm-1001", name },
  });
  expect(res.status()).toBe(502);
  const error = await expectUnknownAnswer(res, "network");
  const done = await settled(error.operation);
  expect(done).toMatchObject({ state: "failed", settled_by: "lookup" });
  expect(done.vm).toBeUndefined();
  expect(await inSimulator(name)).toEqual([twin]);
});

test("a connection dropped before vCenter acted: unknown, then not made", async ({ faults }) => {
  await faults.fault({ match: CLONE, kind: "drop" });
  const name = uniqueName("f-drop");
  const res = await clone(name);
  expect(res.status()).toBe(502);
  const error = await expectUnknownAnswer(res, "network");
  const done = await settled(error.operation);
  expect(done).toMatchObject({ state: "failed", settled_by: "lookup" });
  expect((await operation(error.operation)).error?.message).toBeDefined();
  const replay = await api.get(`/api/environments/faults/operations/${error.operation}`);
  expect(((await replay.json()) as Operation).state).toBe("failed");
  expect(await inSimulator(name)).toEqual([]);
});

test("a hung vCenter gives 504 within the timeout, and the console keeps serving", async ({
  faults,
}) => {
  await faults.fault({ match: CLONE, kind: "hang" });
  const name = uniqueName("f-hang");
  const pending = clone(name);
  expect((await api.get("/api/environments/faults/folders")).status()).toBe(200);
  const res = await pending;
  expect(res.status()).toBe(504);
  const error = await expectUnknownAnswer(res, "network");
  expect(error).toMatchObject({ status: 504 });
  expect((await settled(error.operation)).state).toBe("failed");
  expect(await inSimulator(name)).toEqual([]);
});

test("history reads answer at once while lookups hang", async ({ faults }) => {
  // Three submissions of unknown outcome, then every VM lookup by name hangs.
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) {
    await faults.fault({ match: CLONE, kind: "error", status: 503 });
    const res = await clone(uniqueName("f-slowread"));
    ids.push((await res.json()).error.operation);
  }
  await faults.fault({ match: { path: "/api/vcenter/vm?names=" }, kind: "hang", times: 0 });
  // A read that waited on a lookup would never answer: each would hang for vCenter's timeout.
  const list = await api.get("/api/environments/faults/operations?outcome=unknown", {
    timeout: 2_500,
  });
  expect(list.status()).toBe(200);
  const listed = ((await list.json()) as { items: Operation[] }).items.map((op) => op.id);
  expect(listed).toEqual(expect.arrayContaining(ids));
  for (const id of ids)
    expect(
      (await api.get(`/api/environments/faults/operations/${id}`, { timeout: 2_500 })).status(),
    ).toBe(200);
  await faults.clearFaults();
  for (const id of ids) expect((await settled(id)).state).toBe("failed");
});

test("an answer past the size cap is a 502 from the network, named in the log", async ({
  faults,
}) => {
  await faults.fault({ match: { method: "GET", path: "/api/vcenter/vm" }, kind: "huge" });
  // refresh=1: a read of vCenter now, not the console's cached inventory.
  const res = await api.get("/api/environments/faults/vms?limit=5&refresh=1");
  expect(res.status()).toBe(502);
  const { error } = await res.json();
  expect(error).toMatchObject({ origin: "network", cause: "EBODYTOOLARGE" });
  expect(error.message).toContain(`Look for request_id ${error.request_id}`);
  await expect
    .poll(() => logLines(error.request_id))
    .toContainEqual(
      expect.objectContaining({ kind: "request", status: 502, error: expect.any(String) }),
    );
});

test("a session that expired in vCenter gives vCenter's 401, and a new login works", async ({
  faults,
  playwright,
}) => {
  const own = await loginAs(playwright, USERS.admin, "faults");
  await faults.expireSessions();
  // refresh=1 waits for a fresh read: a search answered from the console's cache would not ask.
  const res = await own.get("/api/environments/faults/vms?refresh=1");
  expect(res.status()).toBe(401);
  expect((await res.json()).error).toMatchObject({
    origin: "vcenter",
    vcenter: { error_type: "UNAUTHENTICATED" },
  });
  await own.dispose();
  api = await loginAs(playwright, USERS.admin, "faults");
  expect((await api.get("/api/environments/faults/vms")).status()).toBe(200);
});
