import { useMemo, useState } from "react";

import { type BatchRequestInput } from "@/lib/schemas/batch";
import { expandPattern, invalidName } from "@/lib/schemas/batch-names";

// The batch part of the clone form, kept beside react-hook-form (the single clone's values)
// rather than in it: How many, and the names as a pattern or a pasted list.

export interface BatchDraft {
  count: number;
  mode: "pattern" | "list";
  pattern: string;
  start: number;
  list: string;
  concurrency: number;
  perCloneUuid: boolean;
}

export const initialBatchDraft: BatchDraft = {
  count: 1,
  mode: "pattern",
  pattern: "",
  start: 1,
  list: "",
  concurrency: 4,
  perCloneUuid: false,
};

export const listNames = (list: string) =>
  list
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

/** The names the draft stands for, or the first reason it cannot make them (and which field). */
export function draftNames(
  draft: BatchDraft,
): { names: string[] } | { field: string; error: string } {
  if (draft.mode === "list") {
    const names = listNames(draft.list);
    if (names.length === 0) return { field: "list", error: "Paste at least one name" };
    if (names.length > 1000) return { field: "list", error: "At most 1000 names" };
    const bad = invalidName(names);
    return bad
      ? { field: "list", error: `Line ${bad.index + 1} ("${names[bad.index]}"): ${bad.message}` }
      : { names };
  }
  const expanded = expandPattern({
    pattern: draft.pattern,
    start: draft.start,
    count: draft.count,
  });
  if ("error" in expanded) return { field: expanded.path, error: expanded.error };
  const bad = invalidName(expanded.names);
  return bad
    ? {
        field: "pattern",
        error: `Clone ${bad.index + 1} ("${expanded.names[bad.index]}"): ${bad.message}`,
      }
    : expanded;
}

export function batchNamesInput(draft: BatchDraft): BatchRequestInput["names"] {
  return draft.mode === "list"
    ? listNames(draft.list)
    : { pattern: draft.pattern, start: draft.start, count: draft.count };
}

export function useBatchDraft(initial: () => BatchDraft = () => initialBatchDraft) {
  const [draft, setDraft] = useState(initial);
  const update = (change: Partial<BatchDraft>) => setDraft((d) => ({ ...d, ...change }));
  const names = useMemo(() => draftNames(draft), [draft]);
  const isBatch = draft.count > 1;
  return { draft, update, names, isBatch };
}

export type BatchDraftState = ReturnType<typeof useBatchDraft>;
