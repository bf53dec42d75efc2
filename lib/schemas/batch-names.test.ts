import { describe, expect, it } from "vitest";

import { batchNameList, batchNamesSchema, expandPattern } from "./batch-names";
import { macSequence } from "./mac-sequence";

describe("name patterns", () => {
  it("numbers each clone from the start, padded as {n:fixed=N} asks", () => {
    expect(expandPattern({ pattern: "ci-{n:fixed=3}", start: 1, count: 3 })).toEqual({
      names: ["ci-001", "ci-002", "ci-003"],
    });
    expect(expandPattern({ pattern: "{n}-lab", start: 9, count: 3 })).toEqual({
      names: ["9-lab", "10-lab", "11-lab"],
    });
  });

  it.each([
    ["web", 1, 2, "pattern", /\{n\}/],
    ["web-{n}-{n}", 1, 2, "pattern", /once/],
    ["web-{N}", 1, 2, "pattern", /\{n\}/],
    ["web-{n:fixed=0}", 1, 2, "pattern", /1 to 10 digits/],
    ["web-{n:fixed=2}", 95, 10, "count", /up to 99; this batch goes to 104/],
    ["web-{n}", -1, 2, "start", /0 or more/],
    ["web-{n}", 1, 0, "count", /1 to 1000/],
    ["web-{n}", 1, 1001, "count", /1 to 1000/],
  ])("refuses %s from %i, %i clones, on %s", (pattern, start, count, path, message) => {
    const result = expandPattern({ pattern, start, count });
    expect(result).toMatchObject({ path, error: expect.stringMatching(message) });
  });

  it("checks every name as the instant-clone spec does, and names the clone", () => {
    const long = batchNamesSchema.safeParse({ pattern: `${"x".repeat(79)}{n}`, count: 12 });
    expect(long.success).toBe(false);
    expect(long.error?.issues[0]).toMatchObject({
      path: ["pattern"],
      message: expect.stringMatching(/^Clone 10 \("x+10"\): Name must be at most 80/),
    });
  });

  it("takes a list of names, refusing repeats regardless of case", () => {
    expect(batchNameList(batchNamesSchema.parse(["a", "b"]))).toEqual(["a", "b"]);
    const twice = batchNamesSchema.safeParse(["lab-1", "LAB-1"]);
    expect(twice.error?.issues[0]).toMatchObject({
      path: [1],
      message: expect.stringMatching(/twice/),
    });
    expect(batchNamesSchema.safeParse([]).success).toBe(false);
  });

  it("defaults the start to 1", () => {
    expect(batchNameList(batchNamesSchema.parse({ pattern: "p{n}", count: 2 }))).toEqual([
      "p1",
      "p2",
    ]);
  });
});

describe("manual MAC sequences", () => {
  it("counts up from the first MAC, across byte boundaries", () => {
    expect(macSequence("00:50:56:00:00:fe", 3)).toEqual({
      macs: ["00:50:56:00:00:fe", "00:50:56:00:00:ff", "00:50:56:00:01:00"],
    });
  });

  it("refuses a sequence that would leave vCenter's manual range, or starts outside it", () => {
    expect(macSequence("00:50:56:3f:ff:fe", 2)).toHaveProperty("macs");
    expect(macSequence("00:50:56:3f:ff:fe", 3)).toEqual({
      error: expect.stringMatching(/up to 00:50:56:40:00:00, past the manual range/),
    });
    expect(macSequence("00:50:56:40:00:00", 1)).toHaveProperty("error");
    expect(macSequence("00:0c:29:00:00:01", 1)).toHaveProperty("error");
  });
});
