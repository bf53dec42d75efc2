import "server-only";

import { createHash } from "node:crypto";

import { usesPostgres } from "@/lib/db/postgres";

import { PgRevokedStore, type RevokedStore, SqliteRevokedStore } from "./revoked-store";

// vCenter sessions the console no longer accepts in any cookie (logged out, or found dead),
// kept where every console process sees them at once: the data folder's SQLite file, or
// PostgreSQL when several instances share one (a logout on one ends the session on all). Only a
// hash of the token is stored, for as long as a cookie carrying it could live, then purged.

const MAX_AGE_MS = 12 * 60 * 60 * 1000;

const holder = globalThis as { __iccRevoked?: RevokedStore };
const revoked = (): RevokedStore =>
  (holder.__iccRevoked ??= usesPostgres() ? new PgRevokedStore() : new SqliteRevokedStore());

const idOf = (env: string, token: string) =>
  createHash("sha256").update(`${env}\n${token}`).digest("base64url");

/** Makes every cookie carrying this token useless from now on, in every process. */
export async function revokeSession(env: string, token: string): Promise<void> {
  const now = Date.now();
  await revoked().revoke(idOf(env, token), now + MAX_AGE_MS, now);
}

export function isRevoked(env: string, token: string): Promise<boolean> {
  return revoked().isRevoked(idOf(env, token), Date.now());
}
