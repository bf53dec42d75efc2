import "server-only";

import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

import { environments } from "@/lib/config/environments";
import { history } from "@/lib/history/store";
import { observeVcenterCalls } from "@/lib/vcenter/call-observers";
import { batchRunsInFlight } from "@/lib/batches/runner";

// The console's Prometheus metrics. Labels carry only the environment id, an outcome, an HTTP
// method, a route template or a status class: never a user, a VM name or an id, so a scrape
// tells nothing about who cloned what and the series stay few.

export const metricsEnabled = (): boolean => process.env.CONSOLE_METRICS === "1";

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const metrics = {
    registry,
    clones: new Counter({
      name: "icc_clones_total",
      help: "Instant clones submitted to vCenter, by environment and outcome",
      labelNames: ["environment", "outcome"] as const,
      registers,
    }),
    cloneSeconds: new Histogram({
      name: "icc_clone_duration_seconds",
      help: "Time from recording a clone to knowing its outcome",
      labelNames: ["environment", "outcome"] as const,
      buckets: [0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300],
      registers,
    }),
    deletions: new Counter({
      name: "icc_deletions_total",
      help: "Clones deleted through the console, by environment and outcome",
      labelNames: ["environment", "outcome"] as const,
      registers,
    }),
    deletionSeconds: new Histogram({
      name: "icc_deletion_duration_seconds",
      help: "Time a deletion (power off, then delete) took",
      labelNames: ["environment", "outcome"] as const,
      buckets: [0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120],
      registers,
    }),
    vcenterSeconds: new Histogram({
      name: "icc_vcenter_request_duration_seconds",
      help: "vCenter REST calls, by environment, method, route template and status class",
      labelNames: ["environment", "method", "route", "status"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 120],
      registers,
    }),
    cacheLookups: new Counter({
      name: "icc_inventory_cache_lookups_total",
      help: "Inventory cache lookups, by environment and result (hit or miss)",
      labelNames: ["environment", "result"] as const,
      registers,
    }),
    batchesRunning: new Gauge({
      name: "icc_batches_running",
      help: "Batches this instance is running",
      registers,
      collect() {
        this.set(batchRunsInFlight().length);
      },
    }),
    unknownPending: new Gauge({
      name: "icc_unknown_outcomes_pending",
      help: "Submissions whose outcome is not known yet, waiting to be settled by lookup",
      labelNames: ["environment"] as const,
      registers,
      async collect() {
        const counts = await Promise.all(
          environments().map(async (env) => ({
            env: env.id,
            unknown: (await history().unsettled(env.id)).filter((op) => op.state === "unknown")
              .length,
          })),
        );
        this.reset();
        for (const { env, unknown } of counts) this.set({ environment: env }, unknown);
      },
    }),
  };
  observeVcenterCalls((call) =>
    metrics.vcenterSeconds.observe(
      {
        environment: call.env,
        method: call.method,
        route: call.route,
        status: call.status === 0 ? "none" : `${Math.floor(call.status / 100)}xx`,
      },
      call.seconds,
    ),
  );
  return metrics;
}

export type ConsoleMetrics = ReturnType<typeof createMetrics>;

// One set per process: routes and instrumentation are separate bundles.
const holder = globalThis as { __iccMetrics?: ConsoleMetrics };
export const consoleMetrics = (): ConsoleMetrics => (holder.__iccMetrics ??= createMetrics());
