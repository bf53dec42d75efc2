import { describe, expect, it } from "vitest";

import { MemoryAttemptStore } from "./memory-store";
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

describe("MemoryAttemptStore", () => {
  it("counts attempts as they start, so parallel guesses stop at the lock", async () => {
    const store = new MemoryAttemptStore();
    const answers = await Promise.all(Array.from({ length: 40 }, () => store.reserve("k", T0)));
    expect(answers.filter((a) => a.allowed)).toHaveLength(MAX_ATTEMPTS);
    expect(answers.filter((a) => !a.allowed)).toHaveLength(40 - MAX_ATTEMPTS);
    expect(answers.at(-1)).toEqual({ allowed: false, retryAfterMs: LOCK_MS });
  });

  it("slows the third attempt on, hands back attempts vCenter never judged, clears on success", async () => {
    const store = new MemoryAttemptStore();
    const delays = [];
    for (let i = 0; i < 4; i++) delays.push(await store.reserve("k", T0));
    expect(delays.map((d) => (d.allowed ? d.delayMs : -1))).toEqual([0, 0, 200, 400]);
    await store.handBack("k");
    expect(await store.reserve("k", T0)).toEqual({ allowed: true, delayMs: 400 });
    await store.clear("k");
    expect(await store.reserve("k", T0)).toEqual({ allowed: true, delayMs: 0 });
  });

  it("lifts a lock only when it runs out", async () => {
    const store = new MemoryAttemptStore();
    for (let i = 0; i <= MAX_ATTEMPTS; i++) await store.reserve("k", T0);
    expect(await store.reserve("k", T0 + LOCK_MS - 1)).toMatchObject({ allowed: false });
    expect(await store.reserve("k", T0 + LOCK_MS + 1)).toEqual({ allowed: true, delayMs: 0 });
  });

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
