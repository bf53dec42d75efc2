import { describe, expect, it } from "vitest";

import { safeNext } from "./safe-next";

describe("safeNext", () => {
  it.each([
    [undefined, "/e/sim"],
    ["/e/sim?source=vm-1&name=a", "/e/sim?source=vm-1&name=a"],
    ["https://evil.example/", "/e/sim"],
    ["//evil.example/x", "/e/sim"],
    ["/\\evil.example", "/e/sim"],
    ["javascript:alert(1)", "/e/sim"],
  ])("%s → %s", (next, expected) => {
    expect(safeNext(next, "sim")).toBe(expected);
  });
});
