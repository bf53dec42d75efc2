import { setTimeout as sleep } from "node:timers/promises";

// How long an instant clone takes and how many a host runs at once. vCenter queues clone tasks
// beyond 4 per host (part of the operation is serialized: "partly parallel and partly
// serialized", vSphere Web Services guide, Limitations of Instant Clones), so a burst of clones
// finishes in waves. With `cloneMs` 0 (tests) a clone is performed at once, as before.

export const CLONES_PER_HOST = 4;

export class CloneQueue {
  private readonly running = new Map<string, number>();
  private readonly waiting = new Map<string, (() => void)[]>();
  /** The most clones one host ever ran at once, for tests and the bench. */
  peak = 0;
  started = 0;

  constructor(public cloneMs = 0) {}

  /** Waits for a slot on the host and the clone's time, then performs it. */
  async run<T>(host: string, perform: () => T): Promise<T> {
    if (this.cloneMs <= 0) return perform();
    await this.acquire(host);
    try {
      await sleep(this.cloneMs);
      return perform();
    } finally {
      this.release(host);
    }
  }

  stats() {
    return {
      clone_ms: this.cloneMs,
      per_host: CLONES_PER_HOST,
      running: [...this.running.values()].reduce((a, b) => a + b, 0),
      queued: [...this.waiting.values()].reduce((a, b) => a + b.length, 0),
      peak: this.peak,
      started: this.started,
    };
  }

  private async acquire(host: string): Promise<void> {
    const busy = this.running.get(host) ?? 0;
    if (busy >= CLONES_PER_HOST) {
      await new Promise<void>((resolve) => {
        const queue = this.waiting.get(host) ?? [];
        queue.push(resolve);
        this.waiting.set(host, queue);
      });
    } else this.running.set(host, busy + 1);
    this.started++;
    this.peak = Math.max(this.peak, this.running.get(host) ?? 0);
  }

  // A finished clone hands its slot straight to the next queued one on that host.
  private release(host: string): void {
    const next = this.waiting.get(host)?.shift();
    if (next) next();
    else this.running.set(host, (this.running.get(host) ?? 1) - 1);
  }
}
