import "server-only";

import { ConsoleError } from "@/lib/http/console-error";

// Work that reaches vCenter and must be recorded before the process may exit: a clone being
// sent, a settle lookup, later a batch item. The registry lives on globalThis because Next.js
// bundles a copy of this module into each route and into instrumentation: they must share one.

export type WorkKind = "clone" | "settle" | "batch" | "delete";

interface Registry {
  stopping: boolean;
  work: Set<Promise<unknown>>;
  drained: Set<() => void>;
  stoppingListeners: Set<() => void>;
}

const registry = ((globalThis as { __iccService?: Registry }).__iccService ??= {
  stopping: false,
  work: new Set(),
  drained: new Set(),
  stoppingListeners: new Set(),
});

/** The answer to new work once the console is stopping: 503 with the envelope. */
export class ServiceStoppingError extends ConsoleError {
  constructor() {
    super(503, "The console is stopping and takes no new submissions: send it again shortly");
  }
}

/**
 * Runs `work` as in-flight work the shutdown waits for; refuses it (ServiceStoppingError)
 * once the console is stopping. The check and the registration happen in one synchronous step,
 * so nothing slips in between the signal and the wait.
 */
export function trackWork<T>(_kind: WorkKind, work: () => Promise<T>): Promise<T> {
  if (registry.stopping) return Promise.reject(new ServiceStoppingError());
  const running = work();
  const entry = running.then(
    () => undefined,
    () => undefined,
  );
  registry.work.add(entry);
  void entry.then(() => {
    registry.work.delete(entry);
    if (registry.work.size === 0) for (const done of registry.drained) done();
  });
  return running;
}

/** True once a stop signal arrived: a batch runner stops claiming new items. */
export const isStopping = (): boolean => registry.stopping;

/** Called once when the stop begins, e.g. so a batch runner stops claiming new items. */
export function onStopping(listener: () => void): () => void {
  registry.stoppingListeners.add(listener);
  return () => registry.stoppingListeners.delete(listener);
}

export const inFlightCount = (): number => registry.work.size;

/** Refuses new work from now on and tells the listeners. */
export function beginStopping(): void {
  if (registry.stopping) return;
  registry.stopping = true;
  for (const listener of registry.stoppingListeners) listener();
}

/** Resolves true when no work is in flight, or false when `ms` passed first. */
export function waitForInFlight(ms: number): Promise<boolean> {
  if (registry.work.size === 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      registry.drained.delete(done);
      resolve(true);
    };
    const timer = setTimeout(() => {
      registry.drained.delete(done);
      resolve(false);
    }, ms);
    registry.drained.add(done);
  });
}

/** For unit tests: back to a fresh, running registry. */
export function resetInFlightForTests(): void {
  registry.stopping = false;
  registry.work.clear();
  registry.drained.clear();
  registry.stoppingListeners.clear();
}
