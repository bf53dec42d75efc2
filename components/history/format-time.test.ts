import { describe, expect, it } from "vitest";

import { formatDuration, formatRelative } from "./format-time";

describe("formatRelative", () => {
  const now = Date.parse("2026-11-27T12:00:00Z");
  const ago = (seconds: number) => new Date(now - seconds * 1000).toISOString();

  it.each([
    [3, "just now"],
    [42, "42 seconds ago"],
    [5 * 60 + 20, "5 minutes ago"],
    [3 * 3600, "3 hours ago"],
    [26 * 3600, "yesterday"],
    [15 * 24 * 3600, "2 weeks ago"],
  ])("%i s ago reads %s", (seconds, text) => {
    expect(formatRelative(ago(seconds), now, "en")).toBe(text);
  });
});

describe("formatDuration", () => {
  it.each([
    [undefined, "—"],
    [850, "850 ms"],
    [4230, "4.2 s"],
    [125_000, "2 min 5 s"],
  ])("%s ms reads %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
