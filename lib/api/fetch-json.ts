import * as z from "zod/mini";

import { apiErrorSchema } from "@/lib/schemas/api-error";

import { ApiError } from "./api-error";

type FetchJsonOptions<Schema extends z.ZodMiniType> = {
  method?: "GET" | "POST" | "DELETE";
  body?: unknown;
  headers?: Record<string, string>;
  schema: Schema;
  signal?: AbortSignal;
};

/**
 * The one way the browser calls the console API: JSON both ways, the answer parsed with the
 * shared schema, every failure thrown as an ApiError built from the error envelope. No UI here.
 */
export async function fetchJson<Schema extends z.ZodMiniType>(
  path: string,
  { method = "GET", body, headers, schema, signal }: FetchJsonOptions<Schema>,
): Promise<z.output<Schema>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      signal,
      credentials: "same-origin",
      headers: {
        accept: "application/json",
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw ApiError.fromFetchFailure(err);
  }
  const text = await response.text();
  if (!response.ok) throw errorFromResponse(response, text);
  return schema.parse(text === "" ? undefined : JSON.parse(text));
}

function errorFromResponse(response: Response, text: string): ApiError {
  try {
    const parsed = apiErrorSchema.safeParse(JSON.parse(text));
    if (parsed.success) return new ApiError(parsed.data.error);
  } catch {
    // Not JSON: fall through to the raw text.
  }
  return ApiError.fromResponseText(response.status, response.statusText, text);
}

/** /api/environments/{env}/… with the id escaped, so a path never chooses more than its segment. */
export const envPath = (env: string, rest = "") =>
  `/api/environments/${encodeURIComponent(env)}${rest}`;
