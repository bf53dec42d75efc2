// `npm run bench -- stores` (and part of the full bench): one batch of 500 clones through one
// console on SQLite, then through two consoles on one PostgreSQL database (the batch submitted to
// one of them, which runs it while the other stands by to take it over), on one simulator whose
// clones take BENCH_CLONE_MS. The wall times side by side: what the shared store costs a batch.
import { createTestDatabase, dropTestDatabase } from "@/lib/testing/pg-test-database";

import { BENCH_CLONE_MS } from "./batch";
import { startConsoleProcess, startSimulatorProcess, type Started } from "./servers";

const TOTAL = Number(process.env.BATCH_TOTAL ?? 500);
const CONCURRENCY = 8;
const SOURCE = "vm-1008"; // golden-win2022, frozen
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
  const headers = { cookie, "content-type": "application/json" };
  const started = performance.now();
  const res = await fetch(`${submitTo}/api/environments/bench/batches`, {
    method: "POST",
    headers,
    body: JSON.stringify({
      spec: { source: SOURCE },
      names: { pattern: `${prefix}-{n}`, start: 0, count: TOTAL },
      concurrency: CONCURRENCY,
    }),
  });
  if (res.status !== 202) throw new Error(`batch: ${res.status} ${await res.text()}`);
  const { batch: id } = (await res.json()) as { batch: string };
  for (;;) {
    const list = (await (
      await fetch(`${watchOn}/api/environments/bench/batches`, { headers })
    ).json()) as { items: { id: string; state: string; counts: Record<string, number> }[] };
    const mine = list.items.find((b) => b.id === id)!;
    if (mine.state !== "running") {
      if (mine.counts.succeeded !== TOTAL)
        throw new Error(`batch ${prefix}: ${JSON.stringify(mine.counts)}; expected ${TOTAL} made`);
      return performance.now() - started;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
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
  if (names.length !== TOTAL || new Set(names).size !== TOTAL)
    throw new Error(
      `${prefix}: ${names.length} VMs in the simulator; expected ${TOTAL}, each once`,
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
      `\nbatch on each store: ${TOTAL} clones, ${CONCURRENCY} at a time, simulator clone time ${BENCH_CLONE_MS} ms`,
    );
    console.log(`  one instance, SQLite          ${(sqliteMs / 1000).toFixed(2)} s`);
    console.log(
      `  two instances, PostgreSQL     ${(pgMs / 1000).toFixed(2)} s (${(pgMs / sqliteMs).toFixed(3)}× SQLite; checked: ${TOTAL} VMs, each once, on both)`,
    );
  } finally {
    for (const c of consoles) c.stop();
    sim.stop();
    await new Promise((r) => setTimeout(r, 1_000));
    if (database) await dropTestDatabase(database);
  }
}
