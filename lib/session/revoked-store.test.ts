import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";

import { createTestDatabase, dropTestDatabase } from "@/lib/testing/pg-test-database";

import { PgRevokedStore, type RevokedStore, SqliteRevokedStore } from "./revoked-store";

// Revocations on both stores, each seen by a second process on the same file or database:
// a logout through one console instance ends the session on the other.

const pools: pg.Pool[] = [];
let url: string | undefined;
afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()));
  if (url) await dropTestDatabase(url);
});

const stores: [string, () => Promise<() => RevokedStore>][] = [
  [
    "SQLite",
    async () => {
      const file = path.join(mkdtempSync(path.join(tmpdir(), "icc-revoked-")), "s.sqlite");
      return () => new SqliteRevokedStore(file);
    },
  ],
  [
    "PostgreSQL",
    async () => {
      url = await createTestDatabase("revoked");
      return () => {
        const pool = new pg.Pool({ connectionString: url, max: 2 });
        pools.push(pool);
        return new PgRevokedStore(pool);
      };
    },
  ],
];

const T0 = 1_700_000_000_000;

describe.each(stores)("revoked sessions in %s", (_name, shared) => {
  it("a revocation through one instance holds on the other, until the cookie could expire", async () => {
    const instance = await shared();
    const [a, b] = [instance(), instance()];
    expect(await b.isRevoked("s-1", T0)).toBe(false);
    await a.revoke("s-1", T0 + 1000, T0);
    expect(await b.isRevoked("s-1", T0 + 1)).toBe(true);
    expect(await b.isRevoked("s-2", T0 + 1)).toBe(false);
    expect(await b.isRevoked("s-1", T0 + 1000)).toBe(false);
    // Revoking again changes nothing; a later revocation purges the rows past their time.
    await b.revoke("s-1", T0 + 5000, T0 + 2);
    expect(await a.isRevoked("s-1", T0 + 999)).toBe(true);
  });
});
