import type { APIRequestContext } from "@playwright/test";

import type { BatchView } from "../lib/schemas/batch-status";
import { type RunningSimulator, startSimulator } from "../lib/simulator";

import {
  BATCH_SOURCE,
  expectOnlyCutOffClonesNotMade,
  simCloneCalls,
  simCloneTime,
  simVmsStartingWith,
} from "./batch-helpers";
import { type ConsoleProcess, consoleHome, startConsole } from "./console-process";
import { simVmsNamed } from "./direct-simulator";
import { expect, PASSWORD, test, uniqueName, USERS } from "./fixtures";
import { e2ePort } from "./ports";
import { homeDatabase, onPostgres } from "./postgres";

// Issue 14: two consoles on one PostgreSQL database, as behind a load balancer, with one
// simulator. Each has its own data folder and port; they share the database and CONSOLE_SECRET.
// Whatever reaches one instance holds on the other, and vCenter (the simulator) holds exactly
// what was asked, once. Run by playwright.postgres.config.ts only.
test.describe.configure({ mode: "serial", timeout: 120_000 });
test.skip(!onPostgres(), "two instances need the shared store: playwright.postgres.config.ts");

const ENV = "pair";
const E = `/api/environments/${ENV}`;
const LEASE_S = "3";

let sim: RunningSimulator;
let a: ConsoleProcess;
let b: ConsoleProcess;

test.beforeAll(async () => {
  sim = await startSimulator({ port: 0, quiet: true });
  const database = (await homeDatabase("pair"))!;
  const environments = [
    { id: ENV, label: "Pair", url: sim.url, timeoutMs: 5_000, maxConcurrentClones: 8 },
  ];
  const settings = { CONSOLE_DATABASE_URL: database, CONSOLE_INSTANCE_LEASE_S: LEASE_S };
  a = await startConsole(consoleHome(environments), e2ePort(13210), settings);
  b = await startConsole(consoleHome(environments), e2ePort(13211), settings);
});
test.afterEach(async () => simCloneTime(sim.url, 0));
test.afterAll(async () => {
  await Promise.all([a?.stop("SIGKILL"), b?.stop("SIGKILL")]);
  await sim.close();
});

// Cookies are not bound to a port: one context logged in through A sends the same cookie to B.
async function loginThrough(
  playwright: { request: { newContext(o: object): Promise<APIRequestContext> } },
  app: ConsoleProcess,
) {
  const api = await playwright.request.newContext({});
  const res = await api.post(`${app.url}${E}/session`, {
    data: { username: USERS.admin, password: PASSWORD },
  });
  expect(res.status(), await res.text()).toBe(200);
  return api;
}

test("one Idempotency-Key sent to each instance at once makes one clone", async ({
  playwright,
}) => {
  const api = await loginThrough(playwright, a);
  const name = uniqueName("pair-idem");
  const before = await simCloneCalls(sim.url);
  const send = (app: ConsoleProcess) =>
    api.post(`${app.url}${E}/instant-clone`, {
      headers: { "Idempotency-Key": `key-${name}` },
      data: { source: BATCH_SOURCE, name },
    });
  const answers = await Promise.all([send(a), send(b), send(a), send(b)]);
  // The instance that did not send it answers with the same operation: made (201), or still
  // under way (409, its outcome to follow in the history) when it asked before vCenter answered.
  const bodies = (await Promise.all(answers.map((r) => r.json()))) as {
    operation?: string;
    error?: { operation: string; status: number };
  }[];
  for (const [i, res] of answers.entries())
    expect([201, 409], JSON.stringify(bodies[i])).toContain(res.status());
  expect(new Set(bodies.map((x) => x.operation ?? x.error?.operation)).size).toBe(1);
  // Asked again once it is done, each instance answers the one clone.
  const again = await Promise.all([send(a), send(b)]);
  expect(again.map((r) => r.status())).toEqual([201, 201]);
  const done = (await Promise.all(again.map((r) => r.json()))) as {
    operation: string;
    vm: string;
  }[];
  expect(done[1]).toEqual(done[0]);
  expect(done[0]!.operation).toBe(bodies[0]!.operation ?? bodies[0]!.error?.operation);
  const made = await simVmsNamed(sim.url, name);
  expect(made.map((vm) => vm.vm)).toEqual([done[0]!.vm]);
  expect(await simCloneCalls(sim.url)).toBe(before + 1);
  await api.dispose();
});

test("a cookie from A works on B, and a logout on A ends it on B", async ({ playwright }) => {
  const api = await loginThrough(playwright, a);
  const who = [];
  for (const app of [a, b]) {
    const res = await api.get(`${app.url}${E}/session`);
    expect(res.status(), await res.text()).toBe(200);
    who.push(await res.json());
  }
  expect(who[1]).toEqual(who[0]);
  expect(who[0]).toEqual({ user: expect.stringMatching(/administrator/i) });
  // The same cookie, kept aside before the logout clears it in this context.
  const cookie = (await api.storageState()).cookies.find((c) => c.name === `icc_${ENV}`)!;
  expect((await api.delete(`${a.url}${E}/session`)).status()).toBe(204);
  const replay = await playwright.request.newContext({
    extraHTTPHeaders: { cookie: `${cookie.name}=${cookie.value}` },
  });
  for (const app of [b, a]) {
    const res = await replay.get(`${app.url}${E}/session`);
    expect(res.status(), await res.text()).toBe(401);
  }
  await Promise.all([api.dispose(), replay.dispose()]);
});

test("a login throttled through A is throttled through B", async ({ playwright }) => {
  const api = await playwright.request.newContext({});
  const guess = (app: ConsoleProcess) =>
    api.post(`${app.url}${E}/session`, {
      data: { username: USERS.readonly, password: "wrong" },
    });
  // Eight wrong passwords, alternating between the instances: each counts on both.
  const statuses: number[] = [];
  for (let i = 0; i < 8; i++) statuses.push((await guess(i % 2 ? b : a)).status());
  expect(statuses).toEqual(Array(8).fill(401));
  for (const app of [a, b]) {
    const res = await guess(app);
    expect(res.status(), await res.text()).toBe(429);
    expect(Number(res.headers()["retry-after"])).toBeGreaterThan(0);
  }
  // Even the right password now waits out the lock, on either instance.
  const right = await api.post(`${b.url}${E}/session`, {
    data: { username: USERS.readonly, password: PASSWORD },
  });
  expect(right.status()).toBe(429);
  await api.dispose();
});

const batchOf = (pattern: string, count: number) => ({
  spec: { source: BATCH_SOURCE },
  names: { pattern, count },
  concurrency: 4,
});

async function submitBatch(api: APIRequestContext, app: ConsoleProcess, data: unknown) {
  const res = await api.post(`${app.url}${E}/batches`, { data });
  expect(res.status(), await res.text()).toBe(202);
  return ((await res.json()) as { batch: string }).batch;
}

async function batchOn(api: APIRequestContext, app: ConsoleProcess, id: string) {
  const res = await api.get(`${app.url}${E}/batches/${id}`);
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as BatchView;
}

/** The batch as B reads it, once no clone is pending, running or of unknown outcome. */
async function settledOnB(api: APIRequestContext, id: string) {
  await expect
    .poll(
      async () => {
        const { counts, state } = await batchOn(api, b, id);
        // The batch ends (done) a moment after its last item: wait for both.
        return counts.pending + counts.running + counts.unknown === 0 && state !== "running";
      },
      { timeout: 90_000, intervals: [500] },
    )
    .toBe(true);
  return batchOn(api, b, id);
}

/** A batch of 20 sent through A: its id, its names' prefix, the clone calls made before it. */
type BatchRun = { id: string; prefix: string; callsBefore: number };

/** Submits a batch of 20 through A, the simulator's clones taking `cloneMs` each. */
async function batchOf20ThroughA(
  api: APIRequestContext,
  what: string,
  cloneMs: number,
): Promise<BatchRun> {
  await simCloneTime(sim.url, cloneMs);
  const prefix = uniqueName(what);
  const callsBefore = await simCloneCalls(sim.url);
  const id = await submitBatch(api, a, batchOf(`${prefix}-{n}`, 20));
  return { id, prefix, callsBefore };
}

/**
 * The batch as B reads it once settled: done, 20 made but at most `cutOff` clones a killed A may
 * have cut off mid-call (expectOnlyCutOffClonesNotMade), each name exactly once in vCenter, and
 * as many clone calls as clones made.
 */
async function expectDoneOnB(
  api: APIRequestContext,
  { id, prefix, callsBefore }: BatchRun,
  cutOff = 0,
) {
  const batch = await settledOnB(api, id);
  expect(batch.state).toBe("done");
  await expectOnlyCutOffClonesNotMade(sim.url, batch, cutOff);
  const made = (await simVmsStartingWith(sim.url, prefix)).map((vm) => vm.name).sort();
  const succeeded = batch.items.filter((i) => i.state === "succeeded");
  expect(made).toEqual(succeeded.map((i) => i.name).sort());
  expect(await simCloneCalls(sim.url)).toBe(callsBefore + succeeded.length);
  return batch;
}

test("a batch of 20 with both instances up: every clone sent once", async ({ playwright }) => {
  const api = await loginThrough(playwright, a);
  const run = await batchOf20ThroughA(api, "pair-b", 100);
  await expectDoneOnB(api, run);
  await api.dispose();
});

test("A killed mid-batch: B takes it over after the lease, settles A's clones, finishes it", async ({
  playwright,
}) => {
  const api = await loginThrough(playwright, a);
  const run = await batchOf20ThroughA(api, "pair-kill", 500);
  await expect
    .poll(async () => (await batchOn(api, a, run.id)).counts.succeeded, { timeout: 30_000 })
    .toBeGreaterThanOrEqual(4);
  // Clones under way on A when it dies: vCenter finishes them, A never records them.
  const inFlight = (await batchOn(api, a, run.id)).counts.running;
  expect(inFlight).toBeGreaterThan(0);
  await a.stop("SIGKILL");
  await expect
    .poll(() => b.output(), { timeout: 30_000 })
    .toMatch(/1 batch\(es\) adopted from a console instance that is gone/);
  // Nothing sent twice: A's clones that may have reached vCenter were looked up, not sent again;
  // one A never sent goes again as attempt 2. At most 4 (the batch's concurrency) cut off.
  const batch = await expectDoneOnB(api, run, 4);
  for (const item of batch.items)
    expect(item.attempt === 1 || item.state === "succeeded", JSON.stringify(item)).toBe(true);
  expect(Math.max(...batch.items.map((i) => i.attempt))).toBeLessThanOrEqual(2);
  await api.dispose();
});
