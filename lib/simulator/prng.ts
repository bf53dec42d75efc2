// A small seeded PRNG (mulberry32): the inventory must come out identical for a given seed,
// so nothing in it may use Math.random.
export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("Prng.pick on an empty list");
    return items[Math.floor(this.next() * items.length)];
  }

  /** `length` random lower-case hex digits, eight per draw. */
  hex(length: number): string {
    let out = "";
    while (out.length < length) {
      // A table per byte rather than toString(16).padStart: 100,000 VMs draw millions of these.
      const n = Math.floor(this.next() * 0x100000000);
      out += BYTE_HEX[n >>> 24] + BYTE_HEX[(n >>> 16) & 255] + BYTE_HEX[(n >>> 8) & 255];
      out += BYTE_HEX[n & 255];
    }
    return out.length === length ? out : out.slice(0, length);
  }
}

const BYTE_HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
