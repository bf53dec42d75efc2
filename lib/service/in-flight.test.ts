import { afterEach, describe, expect, it } from "vitest";

import {
  beginStopping,
  inFlightCount,
  isStopping,
  onStopping,
  resetInFlightForTests,
  ServiceStoppingError,
  trackWork,
  waitForInFlight,
} from "./in-flight";
import { shutdownGraceMs } from "./shutdown";

afterEach(resetInFlightForTests);

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe("in-flight work and stopping", () => {
  it("waits for tracked work to finish, failed work included", async () => {
    const first = deferred<string>();
    const second = deferred<string>();
    const a = trackWork("clone", () => first.promise);
    const b = trackWork("settle", () => second.promise.then(() => Promise.reject(new Error("x"))));
    expect(inFlightCount()).toBe(2);
    let drained = false;
    const waiting = waitForInFlight(60_000).then((v) => (drained = v));
    beginStopping();
    first.resolve("vm-1");
    expect(await a).toBe("vm-1");
    await Promise.resolve();
    expect(drained).toBe(false);
    second.resolve("");
    await expect(b).rejects.toThrow("x");
    expect(await waiting).toBe(true);
    expect(inFlightCount()).toBe(0);
  });

  it("refuses new work with a 503 once stopping, without running it, and tells listeners once", async () => {
    let calls = 0;
    let told = 0;
    onStopping(() => told++);
    beginStopping();
    beginStopping();
    expect(isStopping()).toBe(true);
    expect(told).toBe(1);
    const refused = trackWork("clone", async () => ++calls);
    await expect(refused).rejects.toBeInstanceOf(ServiceStoppingError);
    await expect(refused).rejects.toMatchObject({ status: 503 });
    expect(calls).toBe(0);
  });

  it("gives up waiting when the grace is over", async () => {
    void trackWork("clone", () => new Promise(() => {}));
    expect(await waitForInFlight(10)).toBe(false);
  });

  it("reads CONSOLE_SHUTDOWN_GRACE_S, 30 s by default, and refuses nonsense", () => {
    expect(shutdownGraceMs({})).toBe(30_000);
    expect(shutdownGraceMs({ CONSOLE_SHUTDOWN_GRACE_S: "5" })).toBe(5_000);
    expect(shutdownGraceMs({ CONSOLE_SHUTDOWN_GRACE_S: "0" })).toBe(0);
    expect(() => shutdownGraceMs({ CONSOLE_SHUTDOWN_GRACE_S: "soon" })).toThrow(
      /CONSOLE_SHUTDOWN_GRACE_S/,
    );
    expect(() => shutdownGraceMs({ CONSOLE_SHUTDOWN_GRACE_S: "-1" })).toThrow();
  });
});
