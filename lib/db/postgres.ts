import "server-only";

import pg from "pg";

// The shared store for several instances. With no CONSOLE_DATABASE_URL the console keeps its
// SQLite files in the data folder (the default: one process, no database server).

/** CONSOLE_DATABASE_URL when it names PostgreSQL, else undefined (SQLite). */
export function databaseUrl(): string | undefined {
  const url = process.env.CONSOLE_DATABASE_URL?.trim();
  if (!url) return undefined;
  if (!/^postgres(ql)?:\/\//.test(url))
    throw new Error("CONSOLE_DATABASE_URL must be a postgres:// or postgresql:// URL");
  return url;
}

export const usesPostgres = (): boolean => databaseUrl() !== undefined;

// One pool per process, kept across Next's module reloads like the other stores' handles.
const holder = globalThis as typeof globalThis & { __iccPgPool?: pg.Pool };

/** The process's pool on CONSOLE_DATABASE_URL. */
export function pgPool(): pg.Pool {
  if (holder.__iccPgPool) return holder.__iccPgPool;
  const connectionString = databaseUrl();
  if (!connectionString) throw new Error("CONSOLE_DATABASE_URL is not set");
  const pool = new pg.Pool({
    connectionString,
    max: Number(process.env.CONSOLE_DATABASE_POOL ?? 10),
    // A database that does not answer fails the request instead of hanging it.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client's error (the server restarted) must not crash the process: the pool drops
  // that client and the next query connects anew.
  pool.on("error", (err) => console.error(`PostgreSQL: idle connection lost: ${err.message}`));
  return (holder.__iccPgPool = pool);
}

/** Closes the pool at shutdown (after the last outcome is recorded). */
export async function closePgPool(): Promise<void> {
  const pool = holder.__iccPgPool;
  holder.__iccPgPool = undefined;
  await pool?.end();
}

/** Runs `work` in one transaction on one client; rolled back if it throws. */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
