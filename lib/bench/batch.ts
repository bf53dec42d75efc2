// The batch part of `npm run bench` (issue 12): 500 instant clones, 8 at a time, against a
// simulator whose clones take a realistic time, once from a direct script and once as one
// console batch; the console's wall time beside the script's (goal ≤ 1.05×), and the console's
// CPU time per clone. Afterwards the simulator must hold every clone of the batch exactly once.
import { readdirSync, readFileSync } from "node:fs";

import { Agent, request } from "undici";

import { BATCH_CONCURRENCY, BATCH_SOURCE, BATCH_TOTAL, runConsoleBatch } from "./console-batch";

// vSphere 6.0's launch figure was 64 instant clones on one host in under 6 s, about 0.1 s each
// with the host's own parallelism; a clone through vCenter's API is a task with its own
// overhead (reconfigure, register, power state), commonly 0.5–2 s. 500 ms is the low end, the
// hardest case for the console: its own overhead then weighs most.
export const BENCH_CLONE_MS = Number(process.env.BATCH_CLONE_MS ?? 500);

export interface BatchTargets {
  simUrl: string;
  consoleUrl: string;
  env: string;
  token: string;
  cookie: string;
  /** The console's process group, for its CPU time. */
  consolePgid: number;
}

/** CPU seconds (user + system) of every process in a process group, from /proc. */
function groupCpuSeconds(pgid: number): number {
  let ticks = 0;
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === pgid) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // gone meanwhile
    }
  }
  return ticks / 100; // USER_HZ
}

async function direct(t: BatchTargets, prefix: string): Promise<number> {
  const agent = new Agent({ connections: BATCH_CONCURRENCY, keepAliveTimeout: 10_000 });
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < BATCH_TOTAL) {
      const name = `${prefix}-${next++}`;
      const res = await request(`${t.simUrl}/api/vcenter/vm?action=instant-clone`, {
        method: "POST",
        headers: { "vmware-api-session-id": t.token, "content-type": "application/json" },
        body: JSON.stringify({ source: BATCH_SOURCE, name }),
        dispatcher: agent,
      });
      await res.body.text();
      if (res.statusCode !== 200) throw new Error(`direct clone ${name}: ${res.statusCode}`);
    }
  };
  await Promise.all(Array.from({ length: BATCH_CONCURRENCY }, worker));
  const wall = performance.now() - started;
  await agent.close();
  return wall;
}

async function viaConsole(
  t: BatchTargets,
  prefix: string,
): Promise<{ wall: number; cpu: number; id: string }> {
  const cpuBefore = groupCpuSeconds(t.consolePgid);
  const { wall, id } = await runConsoleBatch({
    submitTo: t.consoleUrl,
    watchOn: t.consoleUrl,
    env: t.env,
    cookie: t.cookie,
    prefix,
    ended: ({ counts }) => counts.pending + counts.running === 0,
  });
  return { wall, cpu: groupCpuSeconds(t.consolePgid) - cpuBefore, id };
}

async function simCloneMs(simUrl: string, ms: number): Promise<void> {
  await fetch(`${simUrl}/__sim/clone-queue`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ clone_ms: ms }),
  });
}

export async function batchBench(t: BatchTargets): Promise<void> {
  const run = `batch-${process.pid}-${Date.now().toString(36)}`;
  await simCloneMs(t.simUrl, BENCH_CLONE_MS);
  try {
    const directMs = await direct(t, `${run}-d`);
    const { wall, cpu, id } = await viaConsole(t, `${run}-c`);
    const batch = (await (
      await fetch(`${t.consoleUrl}/api/environments/${t.env}/batches/${id}`, {
        headers: { cookie: t.cookie },
      })
    ).json()) as { counts: { succeeded: number }; items: { name: string; vm?: string }[] };
    const listed = (await (
      await fetch(`${t.simUrl}/api/vcenter/vm`, { headers: { "vmware-api-session-id": t.token } })
    ).json()) as { name: string }[];
    const made = listed.filter((vm) => vm.name.startsWith(`${run}-c-`));
    if (batch.counts.succeeded !== BATCH_TOTAL || made.length !== BATCH_TOTAL)
      throw new Error(
        `batch: ${batch.counts.succeeded} succeeded, ${made.length} VMs in the simulator; expected ${BATCH_TOTAL}`,
      );
    console.log(
      `\nbatch: ${BATCH_TOTAL} clones, ${BATCH_CONCURRENCY} at a time, simulator clone time ${BENCH_CLONE_MS} ms (at most 4 at once per host)`,
    );
    console.log(`  direct script      ${(directMs / 1000).toFixed(2)} s`);
    console.log(
      `  console batch      ${(wall / 1000).toFixed(2)} s (${(wall / directMs).toFixed(3)}× the script; goal ≤ 1.05×)`,
    );
    console.log(
      `  console CPU        ${cpu.toFixed(2)} s, ${((cpu / BATCH_TOTAL) * 1000).toFixed(2)} ms per clone (checked: ${BATCH_TOTAL} succeeded, ${BATCH_TOTAL} VMs)`,
    );
  } finally {
    await simCloneMs(t.simUrl, 0);
  }
}
