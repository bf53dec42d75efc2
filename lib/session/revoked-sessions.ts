import "server-only";

import { createHash } from "node:crypto";
import path from "node:path";

import Database from "better-sqlite3";

import { dataDir } from "@/lib/config/data-dir";

// vCenter sessions the console no longer accepts in any cookie (logged out, or found dead),
// kept in the data folder so that every console process sharing it refuses them at once. Only a
// hash of the token is stored, for as long as a cookie carrying it could live, then purged.
// (SQLite today; the row is one key and a time, so it moves to PostgreSQL with the history.)

const MAX_AGE_MS = 12 * 60 * 60 * 1000;

interface Revoked {
  db: Database.Database;
  insert: Database.Statement<[string, number]>;
  find: Database.Statement<[string, number]>;
  purge: Database.Statement<[number]>;
}

const holder = globalThis as { __iccRevoked?: Revoked };

function revoked(): Revoked {
  if (holder.__iccRevoked) return holder.__iccRevoked;
  const db = new Database(path.join(dataDir(), "sessions.sqlite"));
  db.pragma("journal_mode = WAL");
  db.pragma("busy_timeout = 5000");
  db.exec(
    "CREATE TABLE IF NOT EXISTS revoked_sessions (id TEXT PRIMARY KEY, expires_at INTEGER NOT NULL) WITHOUT ROWID",
  );
  return (holder.__iccRevoked = {
    db,
    insert: db.prepare(
      "INSERT INTO revoked_sessions (id, expires_at) VALUES (?, ?) ON CONFLICT(id) DO NOTHING",
    ),
    find: db.prepare("SELECT 1 FROM revoked_sessions WHERE id = ? AND expires_at > ?"),
    purge: db.prepare("DELETE FROM revoked_sessions WHERE expires_at <= ?"),
  });
}

const idOf = (env: string, token: string) =>
  createHash("sha256").update(`${env}\n${token}`).digest("base64url");

/** Makes every cookie carrying this token useless from now on, in every process. */
export function revokeSession(env: string, token: string): void {
  const store = revoked();
  const now = Date.now();
  store.insert.run(idOf(env, token), now + MAX_AGE_MS);
  store.purge.run(now);
}

export function isRevoked(env: string, token: string): boolean {
  return revoked().find.get(idOf(env, token), Date.now()) !== undefined;
}
