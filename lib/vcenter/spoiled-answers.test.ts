import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import type { RunningSimulator } from "@/lib/simulator";

import type { VcenterContext } from "./context";
import { NetworkError } from "./errors";
import { instantClone } from "./instant-clone";
import { listVms } from "./inventory";
import { simulatorContext } from "./test-runtime";

// Answers spoiled on the wire (the simulator's truncate, trickle, huge and wrong-shape faults)
// become NetworkErrors that say the request may have reached vCenter: never a console error.
let sim: RunningSimulator;
let ctx: VcenterContext;

beforeAll(async () => {
  // A short clone timeout for the trickle; reads get long enough that a loaded machine still
  // reaches the huge body's cap before the timeout (it missed it at 1 s under a load of 10).
  ({ sim, ctx } = await simulatorContext({}, undefined, { read: 15_000, clone: 1_000 }));
});
afterEach(async () => {
  await fetch(`${sim.url}/__sim/faults`, { method: "DELETE" });
});
afterAll(async () => sim.close());

const CLONE = "/api/vcenter/vm?action=instant-clone";
const fault = (body: unknown) =>
  fetch(`${sim.url}/__sim/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
const spec = (name: string) => ({ source: "vm-1001", name });

async function failure(work: Promise<unknown>): Promise<NetworkError> {
  const err = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(NetworkError);
  return err as NetworkError;
}

describe("spoiled answers from vCenter", () => {
  it("a 200 of the wrong shape is a 502 that may have been delivered", async () => {
    await fault({ match: { path: CLONE }, kind: "error", status: 200, body: { x: 1 } });
    const err = await failure(instantClone(ctx, spec("c-shape")));
    expect(err).toMatchObject({ status: 502, causeCode: "EBADSHAPE", maybeDelivered: true });
  });

  it("headers then a closed connection is a 502 that may have been delivered", async () => {
    await fault({ match: { path: CLONE }, kind: "truncate" });
    const err = await failure(instantClone(ctx, spec("c-trunc")));
    expect(err).toMatchObject({ status: 502, maybeDelivered: true });
  });

  it("a body still arriving at the timeout is a 504 that may have been delivered", async () => {
    await fault({ match: { path: CLONE }, kind: "trickle", ms: 3_000 });
    const err = await failure(instantClone(ctx, spec("c-trickle")));
    expect(err).toMatchObject({ status: 504, causeCode: "ETIMEDOUT", maybeDelivered: true });
  });

  it("stops reading past the cap: a 502, and the memory stays flat", async () => {
    const before = process.memoryUsage();
    await fault({ match: { path: "/api/vcenter/vm" }, kind: "huge", bytes: 200 * 1024 * 1024 });
    const err = await failure(listVms(ctx, { limit: 5 }));
    expect(err).toMatchObject({ status: 502, causeCode: "EBODYTOOLARGE" });
    const after = process.memoryUsage();
    // Read whole, 200 MB of body would show here several times over.
    const grown = after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers;
    expect(grown).toBeLessThan(64 * 1024 * 1024);
  });
});
