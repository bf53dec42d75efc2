import * as z from "zod/mini";

import { instantCloneSpecSchema } from "./instant-clone";

// A batch's names, Horizon's way: `{n}` is the clone's number and `{n:fixed=3}` pads it to three
// digits. Shared by the form (its preview) and the server (the names it sends), so both agree.

export const BATCH_MAX_CLONES = 1000;
const TOKEN = /\{n(?::fixed=(\d{1,2}))?\}/;
const TOKEN_LIKE = /\{\s*n/i;

export interface NamePattern {
  pattern: string;
  start: number;
  count: number;
}

type Checked = { names: string[] } | { error: string; path: "pattern" | "start" | "count" };

/** Every name of the pattern, or the first reason it cannot make them (naming the field). */
export function expandPattern({ pattern, start, count }: NamePattern): Checked {
  const match = TOKEN.exec(pattern);
  if (!match)
    return { error: "Put {n} or {n:fixed=3} where the clone's number goes", path: "pattern" };
  const rest = pattern.slice(0, match.index) + pattern.slice(match.index + match[0].length);
  if (TOKEN_LIKE.test(rest))
    return { error: "Use the number once: one {n} or {n:fixed=3}", path: "pattern" };
  if (!Number.isInteger(start) || start < 0)
    return { error: "Start at a whole number, 0 or more", path: "start" };
  if (!Number.isInteger(count) || count < 1 || count > BATCH_MAX_CLONES)
    return { error: `Make 1 to ${BATCH_MAX_CLONES} clones`, path: "count" };
  const width = match[1] === undefined ? 0 : Number(match[1]);
  if (match[1] !== undefined && (width < 1 || width > 10))
    return { error: "Pad to 1 to 10 digits: {n:fixed=3}", path: "pattern" };
  const last = start + count - 1;
  if (width && String(last).length > width)
    return {
      error: `{n:fixed=${width}} holds numbers up to ${"9".repeat(width)}; this batch goes to ${last}`,
      path: "count",
    };
  const before = pattern.slice(0, match.index);
  const after = pattern.slice(match.index + match[0].length);
  const names = Array.from(
    { length: count },
    (_, i) => `${before}${String(start + i).padStart(width, "0")}${after}`,
  );
  return { names };
}

/** The first name that the instant-clone spec would refuse, with its message. */
export function invalidName(names: readonly string[]): { index: number; message: string } | null {
  const seen = new Set<string>();
  for (const [index, name] of names.entries()) {
    const result = instantCloneSpecSchema.shape.name.safeParse(name);
    if (!result.success) return { index, message: result.error.issues[0]?.message ?? "Not valid" };
    // vCenter compares names in a folder without regard to case.
    const key = name.toLowerCase();
    if (seen.has(key)) return { index, message: `"${name}" is in the list twice` };
    seen.add(key);
  }
  return null;
}

export const namePatternSchema = z.strictObject({
  pattern: z.string({ error: "Pattern is required" }),
  start: z._default(z.int({ error: "Must be a whole number" }), 1),
  count: z.int({ error: "Must be a whole number" }),
});

export const batchNamesSchema = z
  .union([
    namePatternSchema,
    z
      .array(z.string({ error: "Each name must be text" }))
      .check(
        z.minLength(1, { error: "Give at least one name" }),
        z.maxLength(BATCH_MAX_CLONES, { error: `At most ${BATCH_MAX_CLONES} names` }),
      ),
  ])
  .check(
    z.superRefine((names, ctx) => {
      if (Array.isArray(names)) {
        const bad = invalidName(names);
        if (bad) ctx.addIssue({ code: "custom", path: [bad.index], message: bad.message });
        return;
      }
      const expanded = expandPattern(names);
      if ("error" in expanded) {
        ctx.addIssue({ code: "custom", path: [expanded.path], message: expanded.error });
        return;
      }
      const bad = invalidName(expanded.names);
      if (bad)
        ctx.addIssue({
          code: "custom",
          path: ["pattern"],
          message: `Clone ${bad.index + 1} ("${expanded.names[bad.index]}"): ${bad.message}`,
        });
    }),
  );

export type BatchNames = z.output<typeof batchNamesSchema>;

/** The names a valid `names` value stands for. */
export function batchNameList(names: BatchNames): string[] {
  if (Array.isArray(names)) return names;
  const expanded = expandPattern(names);
  if ("error" in expanded) throw new Error(expanded.error);
  return expanded.names;
}
