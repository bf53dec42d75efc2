"use client";

import { useRouter, useSearchParams } from "next/navigation";

import type { OperationFilter } from "@/lib/api/use-operations";
import { type OperationState, operationStates } from "@/lib/schemas/operation";

import { historyHref } from "@/components/environment/hrefs";

const isOutcome = (value: string | null): value is OperationState =>
  (operationStates as readonly (string | null)[]).includes(value);

/**
 * The history's filter and page, kept in the URL so a filtered view can be bookmarked and the
 * back button walks the pages. A hand-edited bad value falls back to the first, unfiltered page.
 */
export function useHistoryParams(env: string) {
  const router = useRouter();
  const search = useSearchParams();
  const outcomeParam = search.get("outcome");
  const filter: OperationFilter = {
    outcome: isOutcome(outcomeParam) ? outcomeParam : undefined,
    offset: Math.max(0, Math.trunc(Number(search.get("offset"))) || 0),
  };

  const show = (next: OperationFilter) => {
    const params = new URLSearchParams();
    if (next.outcome) params.set("outcome", next.outcome);
    if (next.offset > 0) params.set("offset", String(next.offset));
    router.push(historyHref(env, params.toString()));
  };

  return { filter, show };
}
