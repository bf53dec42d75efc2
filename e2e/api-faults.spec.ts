import type { APIRequestContext } from "@playwright/test";

import { expect, loginAs, test, uniqueName, USERS } from "./fixtures";

// Faults between the console and vCenter, on the `faults` simulator (timeoutMs 3000), one at
// a time. Each ends with the history and the simulator's inventory agreeing.
test.describe.configure({ mode: "serial" });

const CLONE_PATH = "/api/vcenter/vm?action=instant-clone";
let api: APIRequestContext;
let source: string;

test.beforeAll(async ({ playwright }) => {
  api = await loginAs(playwright, USERS.admin, "faults");
  const res = await api.get("/api/environments/faults/vms?q=dev-ubuntu-01");
  source = ((await res.json()) as { items: { vm: string }[] }).items[0].vm;
});
test.afterAll(async () => api.dispose());

const clone = (name: string) =>
  api.post("/api/environments/faults/instant-clone", { data: { source, name } });
const vmsNamed = async (name: string) =>
  ((await (await api.get(`/api/environments/faults/vms?q=${name}`)).json()) as { total: number })
    .total;
const operation = async (id: string) =>
  (await api.get(`/api/environments/faults/operations/${id}`)).json();

test("a 503 from vCenter is passed through and recorded as failed", async ({ faults }) => {
  const body = {
    error_type: "SERVICE_UNAVAILABLE",
    messages: [
      {
        id: "vapi.send.request.error",
        default_message: "Service Unavailable: vpxd is restarting.",
        args: [],
      },
    ],
  };
  await faults.fault({
    match: { method: "POST", path: CLONE_PATH },
    kind: "error",
    status: 503,
    body,
  });
  const name = uniqueName("f503");
  const res = await clone(name);
  expect(res.status()).toBe(503);
  const { error } = await res.json();
  expect(error).toMatchObject({ origin: "vcenter", status: 503, vcenter: body });
  expect(await operation(error.operation)).toMatchObject({
    state: "failed",
    error: { vcenter: body },
  });
  expect(await vmsNamed(name)).toBe(0);
});

test("a proxy's HTML error page arrives as readable text", async ({ faults }) => {
  await faults.fault({
    match: { method: "POST", path: CLONE_PATH },
    kind: "error",
    status: 502,
    body: "<html><body><h1>502 Bad Gateway</h1><hr><center>nginx</center></body></html>",
  });
  const res = await clone(uniqueName("fhtml"));
  expect(res.status()).toBe(502);
  const { error } = await res.json();
  expect(error.origin).toBe("vcenter");
  expect(error.vcenter).toEqual({ raw: "502 Bad Gateway nginx" });
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

test("a vCenter that hangs gives 504 within the timeout plus a second, and the console keeps serving", async ({
  faults,
}) => {
  await faults.fault({ match: { method: "POST", path: CLONE_PATH }, kind: "hang" });
  const name = uniqueName("fhang");
  const started = Date.now();
  const pending = clone(name);
  // Meanwhile other requests are answered.
  const health = await api.get("/api/environments/faults/folders");
  expect(health.status()).toBe(200);
  const res = await pending;
  const elapsed = Date.now() - started;
  expect(res.status()).toBe(504);
  expect(elapsed).toBeLessThan(3000 + 1000 + 500);
  const { error } = await res.json();
  expect(error).toMatchObject({ origin: "network", status: 504, cause: "ETIMEDOUT" });
  const op = await operation(error.operation);
  expect(op).toMatchObject({ state: "failed", settled_by: "lookup" });
  expect(await vmsNamed(name)).toBe(0);
});

test("a connection dropped after vCenter made the clone is settled as succeeded", async ({
  faults,
}) => {
  await faults.fault({ match: { method: "POST", path: CLONE_PATH }, kind: "drop", after: true });
  const name = uniqueName("fdrop-after");
  const res = await clone(name);
  expect(res.status()).toBe(201);
  const body = await res.json();
  expect(body).toMatchObject({ name, settled_by: "lookup" });
  expect(await operation(body.operation)).toMatchObject({
    state: "succeeded",
    vm: body.vm,
    settled_by: "lookup",
  });
  expect(await vmsNamed(name)).toBe(1);
});

test("a connection dropped before vCenter made the clone is settled as failed", async ({
  faults,
}) => {
  await faults.fault({ match: { method: "POST", path: CLONE_PATH }, kind: "drop" });
  const name = uniqueName("fdrop-before");
  const res = await clone(name);
  expect(res.status()).toBe(502);
  const { error } = await res.json();
  expect(error.origin).toBe("network");
  expect(error.message).toMatch(/did not find it/);
  expect(await operation(error.operation)).toMatchObject({ state: "failed", settled_by: "lookup" });
  expect(await vmsNamed(name)).toBe(0);
});
