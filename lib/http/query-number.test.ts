import { describe, expect, it } from "vitest";
import { z } from "zod";

import { queryInt } from "./query-number";

const schema = z.strictObject({ limit: queryInt(1, 200, 50) });

describe("queryInt", () => {
  it.each(["0x10", "1e3", " 7", "", "7.0", "-1", "+5", "0", "201"])("refuses %j", (limit) =>
    expect(schema.safeParse({ limit }).success).toBe(false),
  );
  it("reads decimal digits and falls back when absent", () => {
    expect(schema.parse({ limit: "16" })).toEqual({ limit: 16 });
    expect(schema.parse({})).toEqual({ limit: 50 });
  });
});
