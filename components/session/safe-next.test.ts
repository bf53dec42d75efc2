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
    // What the query's percent-decoding hands over for /%09/, /%0a/, /%0d/: a browser drops the
    // tab or line break and goes to //evil.example.
    ["/\t/evil.example/x", "/e/sim"],
    ["/\n/evil.example/x", "/e/sim"],
    ["/\r/evil.example/x", "/e/sim"],
    ["/\t\\evil.example", "/e/sim"],
    ["/.//evil.example", "/e/sim"],
    ["/e/sim/../..//evil.example", "/e/sim"],
    ["/ /evil.example", "/%20/evil.example"],
    ["/e/sim/history?outcome=failed#top", "/e/sim/history?outcome=failed#top"],
    ["e/sim", "/e/sim"],
  ])("%s → %s", (next, expected) => {
    expect(safeNext(next, "sim")).toBe(expected);
  });
});
