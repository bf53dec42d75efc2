import { describe, expect, it } from "vitest";

import { buildInventory } from "@/lib/simulator/build-inventory";

import { compareSimple, isSimpleName } from "./name-order";

const collator = new Intl.Collator("en", { numeric: true });
const sign = (n: number) => Math.sign(n);

describe("the fast name order", () => {
  it("sorts a simulated inventory exactly as the collator does", () => {
    const names = [...buildInventory(3, 5000).vms.values()].map((vm) => vm.name);
    const shuffled = names.map((n, i) => names[(i * 7919) % names.length]);
    expect([...shuffled].sort(compareSimple)).toEqual([...shuffled].sort(collator.compare));
  });

  it("agrees with the collator on every pair of tricky names", () => {
    const names = [
      "",
      "a",
      "a-",
      "a-1",
      "a1",
      "a_1",
      "a.1",
      "a01",
      "a001",
      "a1b",
      "a01c",
      "a10",
      "a9",
      "a-9",
      "web",
      "web-01",
      "web-1",
      "web-10",
      "web-00042",
      "web-042",
      "web-42x",
      "_x",
      "-x",
      ".x",
      "0",
      "00",
      "1",
      "10",
      "x-y",
      "x_y",
      "x.y",
      "xy",
      "x9y",
      "x10y",
      "9",
      "z",
      "zz",
      "a-b-c",
    ];
    for (const a of names) {
      expect(isSimpleName(a)).toBe(true);
      for (const b of names)
        expect(sign(compareSimple(a, b)), `${a} vs ${b}`).toBe(sign(collator.compare(a, b)));
    }
  });

  it("agrees on random names", () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const alphabet = "ab09-_.";
    const random = () =>
      Array.from({ length: Math.floor(next() * 7) }, () => alphabet[Math.floor(next() * 7)]).join(
        "",
      );
    for (let n = 0; n < 20_000; n++) {
      const a = random();
      const b = random();
      expect(sign(compareSimple(a, b)), `${a} vs ${b}`).toBe(sign(collator.compare(a, b)));
    }
  });

  it("leaves names with capitals or other characters to the collator", () => {
    for (const name of ["Web-01", "db 01", "ü", "a+b"]) expect(isSimpleName(name)).toBe(false);
  });
});
