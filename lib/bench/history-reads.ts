// The "history" section's work, run by history.ts in a process of its own with the
// react-server condition (the stores are server-only modules): 100,000 operations recorded in
// each store, then the operations list route's store calls timed. Not a test: figures only.
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";

import Database from "better-sqlite3";
import pg from "pg";

import type { OperationStore } from "@/lib/history/operation-store";
import { PgOperationStore } from "@/lib/history/pg-store";
import { SqliteOperationStore } from "@/lib/history/sqlite-store";
import { createTestDatabase, dropTestDatabase } from "@/lib/testing/pg-test-database";

import { ms, summarize } from "./stats";

const OPERATIONS = 100_000;
const WARMUP = 20;
const SAMPLES = Number(process.env.BENCH_HISTORY_SAMPLES ?? 200);
const ENV = "bench";
const BASE = Date.parse("2026-01-01T00:00:00Z");

// One row per operation, the same in both stores: nine in ten in the measured environment
// (the rest in another), one in twenty failed and one in twenty unknown, a guest kept for
// every third clone made. Rows as the console writes them, a second apart.
const SEED_COLUMNS = `id, env, vcenter_user, spec, source, name, state, vm, error, started_at, ended_at, duration_ms`;
const seedSql = (i: string, concat: string) => `
  'op-' ${concat} ${i},
  CASE WHEN ${i} % 10 = 0 THEN 'other' ELSE '${ENV}' END,
  'VSPHERE.LOCAL\\admin',
  '{"source":"vm-1001","name":"bench-' ${concat} ${i} ${concat} '"}',
  'vm-1001',
  'bench-' ${concat} ${i},
  CASE ${i} % 20 WHEN 5 THEN 'failed' WHEN 6 THEN 'unknown' ELSE 'succeeded' END,
  CASE WHEN ${i} % 20 NOT IN (5, 6) THEN 'vm-' ${concat} ${i} END,
  CASE WHEN ${i} % 20 IN (5, 6) THEN '{"origin":"vcenter","status":400,"message":"refused"}' END,
  ${BASE} + ${i} * 1000,
  ${BASE} + ${i} * 1000 + 700,
  700`;
const guestSql = (i: string, concat: string) =>
  `SELECT 'op-' ${concat} ${i}, 'ready', 'host-' ${concat} ${i}, 60, ${BASE} + ${i} * 1000 + 5000`;

async function seedSqlite(file: string): Promise<void> {
  const db = new Database(file);
  db.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${OPERATIONS})
    INSERT INTO operations (${SEED_COLUMNS}) SELECT ${seedSql("i", "||")} FROM n;
    WITH RECURSIVE n(i) AS (SELECT 3 UNION ALL SELECT i + 3 FROM n WHERE i + 3 <= ${OPERATIONS})
    INSERT INTO clone_guests (operation, state, host_name, timeout_seconds, ready_at)
      ${guestSql("i", "||")} FROM n WHERE i % 20 NOT IN (5, 6);`);
  db.close();
}

async function seedPostgres(pool: pg.Pool): Promise<void> {
  await pool.query(`INSERT INTO operations (${SEED_COLUMNS})
    SELECT ${seedSql("i", "||")} FROM generate_series(1, ${OPERATIONS}) AS i`);
  await pool.query(`INSERT INTO clone_guests (operation, state, host_name, timeout_seconds, ready_at)
    ${guestSql("i", "||")} FROM generate_series(3, ${OPERATIONS}, 3) AS i WHERE i % 20 NOT IN (5, 6)`);
  // What autovacuum does on a database in use: the planner's statistics.
  await pool.query("VACUUM ANALYZE operations");
  await pool.query("VACUUM ANALYZE clone_guests");
}

/** What the operations route reads for a page (withAfterlives): the list, then the clones'
 * guests and deletions, each in one read. */
async function routePage(store: OperationStore) {
  const page = await store.list(ENV, { limit: 50, offset: 0 });
  const made = page.items.filter((op) => op.state === "succeeded");
  const [guests] = await Promise.all([
    store.guests.getMany(
      made.map((op) => ({
        operation: op.id,
        source: op.spec.source,
        cloneEndedAt: Date.parse(op.ended_at ?? op.started_at),
      })),
    ),
    store.deletions.latestOf(made.map((op) => op.id)),
  ]);
  if (guests.size === 0) throw new Error("the page's guests were not read");
  return page;
}

async function timeIt(task: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < WARMUP; i++) await task();
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const started = performance.now();
    await task();
    times.push(performance.now() - started);
  }
  return times;
}

async function measure(label: string, store: OperationStore): Promise<void> {
  // Checked before timing: the reads answer what was recorded.
  const first = await store.list(ENV, { limit: 50, offset: 0 });
  const failed = await store.list(ENV, { state: "failed", limit: 50, offset: 0 });
  if (first.total !== OPERATIONS * 0.9 || failed.total !== OPERATIONS / 20)
    throw new Error(`${label}: seeded ${first.total} operations, ${failed.total} failed`);
  if (first.items[0]!.spec.name !== `bench-${OPERATIONS - 1}`)
    throw new Error(`${label}: newest first is ${first.items[0]!.spec.name}`);
  const reads: [string, () => Promise<unknown>][] = [
    ["first page (list, 50)", () => store.list(ENV, { limit: 50, offset: 0 })],
    ["first page as the route reads it (+ guests, deletions)", () => routePage(store)],
    [
      "filtered: failed, first page",
      () => store.list(ENV, { state: "failed", limit: 50, offset: 0 }),
    ],
  ];
  for (const [what, task] of reads) {
    const { median, p95, n } = summarize(await timeIt(task));
    console.log(`history (${label}): ${what}: median ${ms(median)}, p95 ${ms(p95)} (n=${n})`);
  }
}

async function onSqlite(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "icc-bench-history-"));
  const file = path.join(dir, "history.sqlite");
  new SqliteOperationStore(file).close(); // the schema
  await seedSqlite(file);
  const store = new SqliteOperationStore(file);
  try {
    await measure("SQLite", store);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function onPostgres(): Promise<void> {
  let url: string;
  try {
    url = await createTestDatabase("bench_history");
  } catch (err) {
    console.log(`history (PostgreSQL): skipped, no database: ${(err as Error).message}`);
    return;
  }
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  try {
    const store = new PgOperationStore(pool, "bench");
    await store.ping(); // the schema
    await seedPostgres(pool);
    await measure("PostgreSQL", store);
  } finally {
    await pool.end();
    await dropTestDatabase(url);
  }
}

async function main() {
  console.log(
    `history: ${OPERATIONS} operations recorded, ${SAMPLES} sequential reads each after ${WARMUP} warm-up; load average ${loadavg()[0].toFixed(1)}`,
  );
  await onSqlite();
  await onPostgres();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
