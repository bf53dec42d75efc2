import "server-only";

import { startHeartbeat } from "@/lib/db/instances";
import { databaseUrl, pgPool } from "@/lib/db/postgres";
import { history } from "@/lib/history/store";

import { consoleSecret } from "./data-dir";

/** A setting or state of the shared database (CONSOLE_DATABASE_URL) that stops start-up. */
export class SharedDatabaseError extends Error {}

/** Where the database is, for messages: host, port and database, never the password. */
function where(url: string): string {
  const { host, pathname } = new URL(url);
  return `${host}${pathname}`;
}

/**
 * At start-up with CONSOLE_DATABASE_URL: the shared secret is set (every instance must open
 * the others' session cookies and kept sessions), the database answers, its schema is applied,
 * and this instance's heartbeat runs before it records anything. Answers a line for the log,
 * or undefined with SQLite (no setting).
 */
export async function openSharedDatabase(): Promise<string | undefined> {
  let url: string | undefined;
  try {
    url = databaseUrl();
  } catch (err) {
    throw new SharedDatabaseError((err as Error).message);
  }
  if (!url) return undefined;
  if (!process.env.CONSOLE_SECRET)
    throw new SharedDatabaseError(
      "CONSOLE_DATABASE_URL is set but CONSOLE_SECRET is not: with a shared database every instance must use the same secret (at least 32 characters), so a session made by one works on the others",
    );
  try {
    consoleSecret();
  } catch (err) {
    throw new SharedDatabaseError((err as Error).message);
  }
  try {
    await history().ping(); // applies the history's schema steps under the advisory lock
    await startHeartbeat(pgPool());
  } catch (err) {
    throw new SharedDatabaseError(
      `PostgreSQL at ${where(url)} does not answer or cannot be migrated: ${(err as Error).message}`,
    );
  }
  return `history on PostgreSQL at ${where(url)}, shared with the other instances`;
}
