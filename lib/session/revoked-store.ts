import "server-only";

import path from "node:path";

import Database from "better-sqlite3";
import type pg from "pg";

import { dataDir } from "@/lib/config/data-dir";
import { ensureSchema } from "@/lib/db/pg-schema";
import { pgPool } from "@/lib/db/postgres";

// Where revoked sessions are kept: a SQLite file in the data folder (every process sharing the
// folder sees it), or PostgreSQL (every instance on the database sees it). Rows are a hash of the
// token and the time the last cookie carrying it could expire.

export interface RevokedStore {
  /** Records `id` as revoked until `expiresAt` (epoch ms); forgets rows past theirs. */
  revoke(id: string, expiresAt: number, now: number): Promise<void>;
  isRevoked(id: string, now: number): Promise<boolean>;
}

export class SqliteRevokedStore implements RevokedStore {
  private readonly db: Database.Database;

  constructor(file = path.join(dataDir(), "sessions.sqlite")) {
    this.db = new Database(file);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("busy_timeout = 5000");
    this.db.exec(
      "CREATE TABLE IF NOT EXISTS revoked_sessions (id TEXT PRIMARY KEY, expires_at INTEGER NOT NULL) WITHOUT ROWID",
    );
  }

  async revoke(id: string, expiresAt: number, now: number) {
    this.db
      .prepare(
        "INSERT INTO revoked_sessions (id, expires_at) VALUES (?, ?) ON CONFLICT(id) DO NOTHING",
      )
      .run(id, expiresAt);
    this.db.prepare("DELETE FROM revoked_sessions WHERE expires_at <= ?").run(now);
  }

  async isRevoked(id: string, now: number) {
    return (
      this.db
        .prepare("SELECT 1 FROM revoked_sessions WHERE id = ? AND expires_at > ?")
        .get(id, now) !== undefined
    );
  }
}

const STEPS = ["CREATE TABLE revoked_sessions (id text PRIMARY KEY, expires_at bigint NOT NULL)"];

export class PgRevokedStore implements RevokedStore {
  private ready?: Promise<void>;

  constructor(private readonly pool: pg.Pool = pgPool()) {}

  private schema(): Promise<void> {
    return (this.ready ??= ensureSchema(this.pool, "revoked-sessions", STEPS).catch((err) => {
      this.ready = undefined;
      throw err;
    }));
  }

  async revoke(id: string, expiresAt: number, now: number) {
    await this.schema();
    await this.pool.query(
      "INSERT INTO revoked_sessions (id, expires_at) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING",
      [id, expiresAt],
    );
    await this.pool.query("DELETE FROM revoked_sessions WHERE expires_at <= $1", [now]);
  }

  async isRevoked(id: string, now: number) {
    await this.schema();
    const { rowCount } = await this.pool.query(
      "SELECT 1 FROM revoked_sessions WHERE id = $1 AND expires_at > $2",
      [id, now],
    );
    return (rowCount ?? 0) > 0;
  }
}
