import { QueryClient } from "@tanstack/react-query";

import { ApiError } from "./api-error";

// Reads may be retried once when the console or vCenter could not answer; a 4xx will not change
// by asking again, and a mutation (instant clone is not idempotent) is never retried.
const shouldRetry = (failureCount: number, error: unknown) =>
  failureCount < 1 && (!(error instanceof ApiError) || error.status === 0 || error.status >= 502);

export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 60_000, refetchOnWindowFocus: false, retry: shouldRetry },
      mutations: { retry: false },
    },
  });
}
