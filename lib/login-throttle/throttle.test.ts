import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";

import { createTestDatabase, dropTestDatabase } from "@/lib/testing/pg-test-database";

import type { AttemptStore } from "./attempt-store";
import { MemoryAttemptStore } from "./memory-store";
import { PgAttemptStore } from "./pg-store";
import { LOCK_MS, MAX_ATTEMPTS } from "./policy";
import { userKey } from "./user-key";

const T0 = 1_700_000_000_000;

describe("userKey", () => {
  it.each([
    ["VSPHERE.LOCAL\\operator", "operator@vsphere.local"],
    ["operator@vsphere.local", "operator@vsphere.local"],
    ["OPERATOR@VSPHERE.LOCAL", "operator@vsphere.local"],
    ["  vsphere.local\\Operator ", "operator@vsphere.local"],
    ["ｏｐｅｒａｔｏｒ@vsphere.local", "operator@vsphere.local"],
    ["operator", "operator"],
  ])("%s counts as %s", (name, key) => expect(userKey(name)).toBe(key));
});

// The same rule through both stores: this process's memory (one instance) and PostgreSQL
// (several). Each test gets a fresh store: a new memory, or a new PostgreSQL database.
const pools: pg.Pool[] = [];
const urls: string[] = [];
afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()));
  await Promise.all(urls.map(dropTestDatabase));
});

/** A PostgreSQL database of its own, and a store on it per "instance" (a pool each). */
async function pgInstances(): Promise<() => PgAttemptStore> {
  const url = await createTestDatabase("throttle");
  urls.push(url);
  return () => {
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    pools.push(pool);
    return new PgAttemptStore(pool);
  };
}

const stores: [string, () => Promise<AttemptStore>][] = [
  ["memory", async () => new MemoryAttemptStore()],
  ["PostgreSQL", async () => (await pgInstances())()],
];

describe.each(stores)("the attempt store in %s", (_name, open) => {
  it("counts attempts as they start, so parallel guesses stop at the lock", async () => {
    const store = await open();
    const answers = await Promise.all(Array.from({ length: 40 }, () => store.reserve("k", T0)));
    expect(answers.filter((a) => a.allowed)).toHaveLength(MAX_ATTEMPTS);
    expect(answers.filter((a) => !a.allowed)).toHaveLength(40 - MAX_ATTEMPTS);
    expect(answers.at(-1)).toEqual({ allowed: false, retryAfterMs: LOCK_MS });
  });

  it("slows the third attempt on, hands back attempts vCenter never judged, clears on success", async () => {
    const store = await open();
    const delays = [];
    for (let i = 0; i < 4; i++) delays.push(await store.reserve("k", T0));
    expect(delays.map((d) => (d.allowed ? d.delayMs : -1))).toEqual([0, 0, 200, 400]);
    await store.handBack("k");
    expect(await store.reserve("k", T0)).toEqual({ allowed: true, delayMs: 400 });
    await store.clear("k");
    expect(await store.reserve("k", T0)).toEqual({ allowed: true, delayMs: 0 });
  });

  it("lifts a lock only when it runs out", async () => {
    const store = await open();
    for (let i = 0; i <= MAX_ATTEMPTS; i++) await store.reserve("k", T0);
    expect(await store.reserve("k", T0 + LOCK_MS - 1)).toMatchObject({ allowed: false });
    expect(await store.reserve("k", T0 + LOCK_MS + 1)).toEqual({ allowed: true, delayMs: 0 });
  });

  it("keeps each key's count apart", async () => {
    const store = await open();
    for (let i = 0; i <= MAX_ATTEMPTS; i++) await store.reserve("k", T0);
    expect(await store.reserve("other", T0)).toEqual({ allowed: true, delayMs: 0 });
  });
});

describe("the attempt store in PostgreSQL, several instances", () => {
  it("a login locked through one instance is locked through the other, parallel guesses included", async () => {
    const instance = await pgInstances();
    const [a, b] = [instance(), instance()];
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).reserve("k", T0)),
    );
    expect(answers.filter((r) => r.allowed)).toHaveLength(MAX_ATTEMPTS);
    expect(await a.reserve("k", T0 + 1)).toMatchObject({ allowed: false });
    expect(await b.reserve("k", T0 + 1)).toMatchObject({ allowed: false });
    // A right password through b clears the count for a too.
    await b.clear("k");
    expect(await a.reserve("k", T0 + LOCK_MS + 2)).toEqual({ allowed: true, delayMs: 0 });
  });
});

describe("MemoryAttemptStore", () => {
  it("a flood of other names never evicts an active lock, nor a count close to one", async () => {
    const store = new MemoryAttemptStore(100);
    for (let i = 0; i <= MAX_ATTEMPTS; i++) await store.reserve("target", T0);
    for (let i = 0; i < MAX_ATTEMPTS - 1; i++) await store.reserve("almost", T0);
    for (let i = 0; i < 10_050; i++) await store.reserve(`flood-${i}`, T0 + 1);
    expect(store.size).toBeLessThanOrEqual(100);
    expect(await store.reserve("target", T0 + 2)).toMatchObject({ allowed: false });
    // The count of seven survived: its eighth attempt is the last one allowed.
    expect(await store.reserve("almost", T0 + 2)).toMatchObject({ allowed: true });
    expect(await store.reserve("almost", T0 + 2)).toMatchObject({ allowed: false });
  });
});
