import { type BatchDraft, initialBatchDraft } from "./batch-draft";

// The batch part of the form in the same query as the rest (clone-form-query.ts), so Reload,
// Back and "Copy link" keep How many, the names and At once:
//   batch.count, batch.names=list, batch.pattern, batch.start, batch.list (one name a line),
//   batch.concurrency, batch.per_clone_uuid
// Only values that differ from a single clone's are written; malformed ones are ignored. The
// numbers are kept as typed, even out of range: the form then shows why, as before the reload.

const NUMBERS = { count: "batch.count", start: "batch.start", concurrency: "batch.concurrency" };
const TEXTS = { pattern: "batch.pattern", list: "batch.list" };

/** The query (without "?") for the batch fields; empty for a single clone as first shown. */
export function batchDraftToQuery(draft: BatchDraft): string {
  const params = new URLSearchParams();
  for (const [field, key] of Object.entries(NUMBERS) as [keyof typeof NUMBERS, string][])
    if (Number.isFinite(draft[field]) && draft[field] !== initialBatchDraft[field])
      params.set(key, String(draft[field]));
  if (draft.mode !== initialBatchDraft.mode) params.set("batch.names", draft.mode);
  for (const [field, key] of Object.entries(TEXTS) as [keyof typeof TEXTS, string][])
    if (draft[field] !== "") params.set(key, draft[field]);
  if (draft.perCloneUuid) params.set("batch.per_clone_uuid", "true");
  return params.toString();
}

const wholeNumber = (raw: string | null) =>
  raw !== null && /^\d{1,9}$/.test(raw) ? Number(raw) : undefined;

/** The batch fields a query holds, the rest as for a single clone. */
export function queryToBatchDraft(query: URLSearchParams | string): BatchDraft {
  const params = typeof query === "string" ? new URLSearchParams(query) : query;
  const draft = { ...initialBatchDraft };
  for (const [field, key] of Object.entries(NUMBERS) as [keyof typeof NUMBERS, string][])
    draft[field] = wholeNumber(params.get(key)) ?? draft[field];
  if (params.get("batch.names") === "list") draft.mode = "list";
  for (const [field, key] of Object.entries(TEXTS) as [keyof typeof TEXTS, string][])
    draft[field] = params.get(key) ?? draft[field];
  draft.perCloneUuid = params.get("batch.per_clone_uuid") === "true";
  return draft;
}

/** The whole form's query: the single clone's values, then the batch fields. */
export const joinQueries = (...queries: string[]) => queries.filter(Boolean).join("&");
