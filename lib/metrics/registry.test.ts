import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { history } from "@/lib/history/store";
import type { RunningSimulator } from "@/lib/simulator";
import type { VcenterContext } from "@/lib/vcenter/context";
import { instantClone } from "@/lib/vcenter/instant-clone";
import { simulatorContext } from "@/lib/vcenter/test-runtime";
import { getVm } from "@/lib/vcenter/vm";

import { countCacheLookup, countClone } from "./record";
import { consoleMetrics } from "./registry";

// Real vCenter calls (the simulator over HTTP) and a real SQLite history feed the metrics;
// the scrape must count them and name no user, VM name or id in any label.
const USER = "administrator@vsphere.local";
const NAME = "metrics-private-name-7";
let sim: RunningSimulator;
let ctx: VcenterContext;

beforeAll(async () => {
  process.env.CONSOLE_METRICS = "1";
  process.env.CONSOLE_DATA_DIR = mkdtempSync(path.join(tmpdir(), "icc-metrics-"));
  consoleMetrics(); // subscribed before the first vCenter call
  ({ sim, ctx } = await simulatorContext());
});
afterAll(async () => {
  await history().close();
  await sim.close();
});

/** Every label value of the console's own series (icc_*). */
function iccLabelValues(text: string): string[] {
  return text
    .split("\n")
    .filter((line) => line.startsWith("icc_"))
    .flatMap((line) => [...line.matchAll(/="((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]));
}

describe("console metrics", () => {
  it("counts clones, vCenter calls by route, unknown outcomes and cache lookups, with no private labels", async () => {
    const source = await getVm(ctx, "vm-1005");
    const spec = { source: source.vm, name: NAME };
    const { operation } = await history().begin({ env: "sim", user: USER, spec });
    const vm = await instantClone(ctx, spec);
    countClone(await history().finish(operation.id, { state: "succeeded", vm }));
    const lost = await history().begin({
      env: "sim",
      user: USER,
      spec: { ...spec, name: `${NAME}-b` },
    });
    countClone(await history().finish(lost.operation.id, { state: "unknown" }));
    countCacheLookup("sim", "hit");

    const text = await consoleMetrics().registry.metrics();
    expect(text).toContain('icc_clones_total{environment="sim",outcome="succeeded"} 1');
    expect(text).toContain('icc_clones_total{environment="sim",outcome="unknown"} 1');
    expect(text).toMatch(
      /icc_clone_duration_seconds_count\{environment="sim",outcome="succeeded"\} 1/,
    );
    expect(text).toContain(
      'icc_vcenter_request_duration_seconds_count{environment="test",method="POST",route="/api/vcenter/vm?action=instant-clone",status="2xx"} 1',
    );
    expect(text).toMatch(
      /icc_vcenter_request_duration_seconds_count\{environment="test",method="GET",route="\/api\/vcenter\/vm\/\{id\}[^"]*",status="2xx"\} \d/,
    );
    expect(text).toContain('icc_unknown_outcomes_pending{environment="sim"} 1');
    expect(text).toContain('icc_inventory_cache_lookups_total{environment="sim",result="hit"} 1');
    expect(text).toContain("icc_batches_running 0");

    const values = iccLabelValues(text);
    expect(values.length).toBeGreaterThan(10);
    for (const secret of [NAME, vm, "vm-1005", USER, "administrator", ctx.session])
      expect(values.filter((v) => v.includes(secret))).toEqual([]);
  });
});
