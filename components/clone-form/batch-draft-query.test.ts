import { describe, expect, it } from "vitest";

import { queryToFormValues } from "@/lib/schemas/clone-form-query";

import { initialBatchDraft } from "./batch-draft";
import { batchDraftToQuery, joinQueries, queryToBatchDraft } from "./batch-draft-query";

describe("the batch fields in the form's query", () => {
  it("writes nothing for a single clone as first shown", () => {
    expect(batchDraftToQuery(initialBatchDraft)).toBe("");
    expect(queryToBatchDraft("")).toEqual(initialBatchDraft);
  });

  it.each([
    { ...initialBatchDraft, count: 12, pattern: "ci-{n:fixed=3}", start: 0, concurrency: 7 },
    { ...initialBatchDraft, count: 3, mode: "list" as const, list: "a-1\nb 2\nc&d=3" },
    { ...initialBatchDraft, count: 5, pattern: "web-{n}", perCloneUuid: true },
    // Out of range, as typed: the form shows why after the reload too.
    { ...initialBatchDraft, count: 2000, concurrency: 50 },
  ])("round-trips %j", (draft) => {
    const query = batchDraftToQuery(draft);
    expect(queryToBatchDraft(query)).toEqual(draft);
    // Beside the single clone's fields, each part reads only its own keys.
    const whole = joinQueries("source=vm-1005&name=web-07", query);
    expect(queryToBatchDraft(whole)).toEqual(draft);
    expect(queryToFormValues(whole).name).toBe("web-07");
  });

  it("ignores malformed values", () => {
    expect(
      queryToBatchDraft("batch.count=-3&batch.start=x&batch.concurrency=1e3&batch.names=csv"),
    ).toEqual(initialBatchDraft);
  });
});
