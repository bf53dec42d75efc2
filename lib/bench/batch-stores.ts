// `npm run bench -- stores` (and part of the full bench): one batch of 500 clones through one
// console on SQLite, then through two consoles on one PostgreSQL database (the batch submitted to
// one of them, which runs it while the other stands by to take it over), on one simulator whose
// clones take BENCH_CLONE_MS. The wall times side by side: what the shared store costs a batch.
import { createTestDatabase, dropTestDatabase } from "@/lib/testing/pg-test-database";

import { BENCH_CLONE_MS } from "./batch";
import { BATCH_CONCURRENCY, BATCH_TOTAL, runConsoleBatch } from "./console-batch";
import { startConsoleProcess, startSimulatorProcess, type Started } from "./servers";

const USER = "administrator@vsphere.local";
const SECRET = "bench-secret-bench-secret-bench-secret-0001";

async function login(url: string): Promise<string> {
  const res = await fetch(`${url}/api/environments/bench/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: USER, password: "VMware1!" }),
  });
  if (res.status !== 200) throw new Error(`console login: ${res.status} ${await res.text()}`);
  return res.headers.getSetCookie()[0]!.split(";")[0]!;
}

/** Submits one batch through `submitTo` and waits, watching through `watchOn`, until it ends. */
async function timeBatch(submitTo: string, watchOn: string, prefix: string): Promise<number> {
  const cookie = await login(submitTo);
  const { summary, wall } = await runConsoleBatch({
    submitTo,
    watchOn,
    env: "bench",
    cookie,
    prefix,
    ended: ({ state }) => state !== "running",
  });
  if (summary.counts.succeeded !== BATCH_TOTAL)
    throw new Error(
      `batch ${prefix}: ${JSON.stringify(summary.counts)}; expected ${BATCH_TOTAL} made`,
    );
  return wall;
}

async function madeOnce(simUrl: string, prefix: string): Promise<void> {
  const token = (await (
    await fetch(`${simUrl}/api/session`, {
      method: "POST",
      headers: { authorization: `Basic ${Buffer.from(`${USER}:VMware1!`).toString("base64")}` },
    })
  ).json()) as string;
  const vms = (await (
    await fetch(`${simUrl}/api/vcenter/vm`, { headers: { "vmware-api-session-id": token } })
  ).json()) as { name: string }[];
  const names = vms.map((vm) => vm.name).filter((n) => n.startsWith(`${prefix}-`));
  if (names.length !== BATCH_TOTAL || new Set(names).size !== BATCH_TOTAL)
    throw new Error(
      `${prefix}: ${names.length} VMs in the simulator; expected ${BATCH_TOTAL}, each once`,
    );
}

export async function batchStoresBench(): Promise<void> {
  const sim = await startSimulatorProcess(18796);
  const consoles: Started[] = [];
  let database: string | undefined;
  const run = `stores-${Date.now().toString(36)}`;
  try {
    await fetch(`${sim.url}/__sim/clone-queue`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ clone_ms: BENCH_CLONE_MS }),
    });
    const sqlite = await startConsoleProcess(13796, sim.url, { CONSOLE_SECRET: SECRET });
    consoles.push(sqlite);
    const sqliteMs = await timeBatch(sqlite.url, sqlite.url, `${run}-s`);
    await madeOnce(sim.url, `${run}-s`);
    sqlite.stop();

    database = await createTestDatabase("bench");
    const shared = { CONSOLE_SECRET: SECRET, CONSOLE_DATABASE_URL: database };
    const a = await startConsoleProcess(13797, sim.url, shared);
    consoles.push(a);
    const b = await startConsoleProcess(13798, sim.url, shared);
    consoles.push(b);
    const pgMs = await timeBatch(a.url, b.url, `${run}-p`);
    await madeOnce(sim.url, `${run}-p`);

    console.log(
      `\nbatch on each store: ${BATCH_TOTAL} clones, ${BATCH_CONCURRENCY} at a time, simulator clone time ${BENCH_CLONE_MS} ms`,
    );
    console.log(`  one instance, SQLite          ${(sqliteMs / 1000).toFixed(2)} s`);
    console.log(
      `  two instances, PostgreSQL     ${(pgMs / 1000).toFixed(2)} s (${(pgMs / sqliteMs).toFixed(3)}× SQLite; checked: ${BATCH_TOTAL} VMs, each once, on both)`,
    );
  } finally {
    for (const c of consoles) c.stop();
    sim.stop();
    await new Promise((r) => setTimeout(r, 1_000));
    if (database) await dropTestDatabase(database);
  }
}
