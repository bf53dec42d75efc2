import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import type { EnvironmentRuntime } from "@/lib/config/runtime";
import type { InstantCloneSpec } from "@/lib/schemas/instant-clone";
import type { Operation } from "@/lib/schemas/operation";
import { type RunningSimulator, startSimulator } from "@/lib/simulator";
import type { VcenterContext } from "@/lib/vcenter/context";

// Submitting and settling against a real simulator and a real SQLite history, without HTTP in
// front (as a batch runner would call it). The environment's timeout is 1 s, so the settle
// window after an uncertain answer is 1 s too. Each test compares the recorded outcome with
// the simulator's inventory.
const ENV = "unit";
const USER = "VSPHERE.LOCAL\\Administrator";
const CLONE = "/api/vcenter/vm?action=instant-clone";

let sim: RunningSimulator;
let ctx: VcenterContext;
let checkOutcome: typeof import("./settle").checkOutcome;
let mods: {
  submit: typeof import("./submit-clone");
  worker: typeof import("./settle-worker");
  store: typeof import("@/lib/history/store");
  cookie: typeof import("@/lib/http/session-cookie");
  kept: typeof import("./kept-session");
  session: typeof import("@/lib/vcenter/session");
};

beforeAll(async () => {
  sim = await startSimulator({ port: 0, quiet: true });
  const dir = mkdtempSync(path.join(tmpdir(), "icc-clones-"));
  const file = path.join(dir, "environments.json");
  writeFileSync(file, JSON.stringify([{ id: ENV, label: "Unit", url: sim.url, timeoutMs: 1000 }]));
  process.env.CONSOLE_ENVIRONMENTS = file;
  process.env.CONSOLE_DATA_DIR = path.join(dir, "data");
  process.env.CONSOLE_SECRET = "unit-secret-unit-secret-unit-secret-unit";
  process.env.CONSOLE_LOG = "off";
  // Imported only now: the configuration is read once, from the variables just set.
  mods = {
    submit: await import("./submit-clone"),
    worker: await import("./settle-worker"),
    store: await import("@/lib/history/store"),
    cookie: await import("@/lib/http/session-cookie"),
    kept: await import("./kept-session"),
    session: await import("@/lib/vcenter/session"),
  };
  ({ checkOutcome } = await import("./settle"));
  const { environmentRuntime } = await import("@/lib/config/runtime");
  const runtime = (await environmentRuntime(ENV)) as EnvironmentRuntime;
  ctx = { runtime, session: await login(runtime) };
});
afterEach(() => fetch(`${sim.url}/__sim/faults`, { method: "DELETE" }));
afterAll(() => sim.close());

const login = (runtime: VcenterContext["runtime"]) =>
  mods.session.login(runtime, "administrator@vsphere.local", "VMware1!");
const fault = (body: unknown) =>
  fetch(`${sim.url}/__sim/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
let n = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${n++}`;
const operator = () => ({ token: ctx.session, user: USER });
const submit = (spec: InstantCloneSpec) =>
  mods.submit
    .submitClone(ctx, { env: ENV, operator: operator(), spec, requestId: "t" })
    .then((r) => r.operation);
const recorded = async (id: string) => (await mods.store.history().get(ENV, id))!;
/** Runs the background worker until the operation leaves `unknown`. */
const settled = async (id: string): Promise<Operation> => {
  await expect
    .poll(
      async () => {
        await mods.worker.tick();
        return (await recorded(id)).state;
      },
      { timeout: 15_000, interval: 200 },
    )
    .not.toBe("unknown");
  return await recorded(id);
};
const inSimulator = async (name: string): Promise<string[]> => {
  const res = await fetch(`${sim.url}/api/vcenter/vm?names=${encodeURIComponent(name)}`, {
    headers: { "vmware-api-session-id": ctx.session },
  });
  return ((await res.json()) as { vm: string }[]).map((vm) => vm.vm);
};

describe("an outcome is recorded only when it is known", () => {
  it("a definitive refusal (ALREADY_EXISTS) is failed at once, nothing made", async () => {
    const op = await submit({ source: "vm-1001", name: "prod-web-01" });
    expect(op).toMatchObject({ state: "failed", error: { origin: "vcenter", status: 400 } });
    expect((await mods.store.history().open(op.id))!.sealedSession).toBeUndefined();
  });

  it("a 503 after vCenter made the clone is answered as made, found by the look right after", async () => {
    await fault({ match: { path: CLONE }, kind: "error", status: 503, after: true });
    const name = unique("u503-after");
    const op = await submit({ source: "vm-1001", name });
    expect(op).toMatchObject({ state: "succeeded", settled_by: "lookup" });
    expect(await inSimulator(name)).toEqual([op.vm]);
  });

  it("a 503 before vCenter acted stays unknown through the window, then is not made", async () => {
    await fault({ match: { path: CLONE }, kind: "error", status: 503 });
    const name = unique("u503");
    const op = await submit({ source: "vm-1001", name });
    expect(op).toMatchObject({ state: "unknown", error: { origin: "vcenter", status: 503 } });
    // The session is kept sealed, and under an audience of its own: not a usable cookie.
    const kept = (await mods.store.history().open(op.id))!.sealedSession!;
    expect(await mods.cookie.openSession(ENV, kept)).toBeUndefined();
    expect(await mods.kept.openKeptSession(ENV, kept)).toEqual(operator());
    // A look inside the window finds nothing and concludes nothing.
    const early = await checkOutcome(ctx, (await mods.store.history().open(op.id))!);
    expect(early.state).toBe("unknown");
    const done = await settled(op.id);
    expect(done).toMatchObject({ state: "failed", settled_by: "lookup" });
    expect(Date.now()).toBeGreaterThanOrEqual(
      (await mods.store.history().open(op.id))!.settleAfter!,
    );
    expect((await mods.store.history().open(op.id))!.sealedSession).toBeUndefined();
    expect(await inSimulator(name)).toEqual([]);
  });

  it("a clone vCenter completes after the call timed out is found within the window", async () => {
    await fault({ match: { path: CLONE }, kind: "late", ms: 1_500 });
    const name = unique("ulate");
    const op = await submit({ source: "vm-1001", name });
    expect(op).toMatchObject({ state: "unknown", error: { origin: "network", status: 504 } });
    const done = await settled(op.id);
    expect(await inSimulator(name)).toEqual([done.vm]);
    expect(done).toMatchObject({ state: "succeeded", settled_by: "lookup" });
  });

  it("a namesake in another folder is never taken for this clone", async () => {
    const name = unique("utwin");
    const first = await submit({ source: "vm-1005", name }); // Dev
    expect(first.state).toBe("succeeded");
    await fault({ match: { path: CLONE }, kind: "drop" });
    const op = await submit({ source: "vm-1001", name }); // Prod, nothing made
    expect(op.state).toBe("unknown");
    expect((await mods.store.history().open(op.id))!.namesBefore).toEqual([first.vm]);
    const done = await settled(op.id);
    expect(done).toMatchObject({ state: "failed" });
    expect(done.vm).toBeUndefined();
    expect(await inSimulator(name)).toEqual([first.vm]);
  });

  it("a session vCenter no longer honours waits for the operator's next one", async () => {
    const name = unique("usession");
    await fault({ match: { path: CLONE }, kind: "drop", after: true });
    await fault({ match: { path: "/api/vcenter/vm?names=" }, kind: "latency", ms: 0 }); // pre-check
    await fault({ match: { path: "/api/vcenter/vm?names=" }, kind: "drop" }); // look right after
    const op = await submit({ source: "vm-1001", name });
    expect(op.state).toBe("unknown");
    await fetch(`${sim.url}/__sim/sessions/expire`, { method: "POST" });
    await expect
      .poll(
        async () => {
          await mods.worker.tick();
          return (await mods.store.history().open(op.id))!.sealedSession;
        },
        { timeout: 10_000, interval: 200 },
      )
      .toBeUndefined();
    expect((await recorded(op.id)).state).toBe("unknown");
    // The same dead session offered again is not taken; a new login is.
    await mods.worker.resumeSettling(ENV, operator());
    expect((await mods.store.history().open(op.id))!.sealedSession).toBeUndefined();
    ctx = { ...ctx, session: await login(ctx.runtime) };
    await mods.worker.resumeSettling(ENV, operator());
    expect((await mods.store.history().open(op.id))!.sealedSession).toBeDefined();
    const done = await settled(op.id);
    expect(done).toMatchObject({ state: "succeeded", settled_by: "lookup" });
    expect(await inSimulator(name)).toEqual([done.vm]);
  });
});

describe("the settle worker", () => {
  it("runs each pass as in-flight work a stop waits for, and starts none once stopping", async () => {
    const inFlight = await import("@/lib/service/in-flight");
    const name = unique("uworker");
    await fault({ match: { path: CLONE }, kind: "drop", after: true }); // made, answer lost
    await fault({ match: { path: "/api/vcenter/vm?names=" }, kind: "latency", ms: 0 }); // pre-check
    await fault({ match: { path: "/api/vcenter/vm?names=" }, kind: "drop" }); // look right after
    const op = await submit({ source: "vm-1001", name });
    expect(op.state).toBe("unknown");
    // Its next lookup is due now, and vCenter takes a while to answer it.
    await mods.store.history().scheduleCheck(op.id, Date.now());
    await fault({ match: { path: "/api/vcenter/vm?names=" }, kind: "latency", ms: 800 });
    try {
      const pass = mods.worker.tick();
      expect(inFlight.inFlightCount()).toBe(1);
      inFlight.beginStopping();
      expect(await inFlight.waitForInFlight(10_000)).toBe(true);
      // The stop waited until the lookup was recorded: the clone vCenter made is found.
      expect(await recorded(op.id)).toMatchObject({ state: "succeeded", settled_by: "lookup" });
      expect(await inSimulator(name)).toEqual([(await recorded(op.id)).vm]);
      await pass;
      await mods.worker.tick();
      expect(inFlight.inFlightCount()).toBe(0);
    } finally {
      inFlight.resetInFlightForTests();
    }
  });
});
