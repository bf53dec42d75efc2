import "server-only";

import { z } from "zod";

import { parseAnswer, vcenterFetch } from "./client";
import type { VcenterContext } from "./context";
import { apiFlavour, toRestPath } from "./flavour";

export interface FlavouredCall<T> {
  method?: "GET" | "POST" | "DELETE";
  /** The /api form of the path with its query. */
  path: string;
  /** The /rest path, where it is not the /api one with filter. keys (power actions: …/power/stop). */
  restPath?: string;
  body?: unknown;
  /** The /rest form of the body, where it differs (e.g. {"spec": …} with maps as pairs). */
  restBody?: unknown;
  /** Reshapes a /rest answer's `value` into the /api form before `schema` checks it. */
  fromRest?: (value: unknown) => unknown;
  schema: z.ZodType<T>;
  timeoutMs?: number;
}

const restAnswerSchema = z.object({ value: z.unknown() });

/** One call in the operator's session, in whichever flavour (/api or /rest) this vCenter speaks. */
export async function vcenterCall<T>(ctx: VcenterContext, call: FlavouredCall<T>): Promise<T> {
  const { runtime, session, log } = ctx;
  if ((await apiFlavour(runtime, log)) === "api")
    return vcenterFetch(
      runtime,
      {
        method: call.method,
        path: call.path,
        session,
        body: call.body,
        schema: call.schema,
        timeoutMs: call.timeoutMs,
      },
      log,
    );
  const answer = await vcenterFetch(
    runtime,
    {
      method: call.method,
      path: call.restPath ?? toRestPath(call.path),
      session,
      body: call.restBody ?? call.body,
      schema: restAnswerSchema,
      timeoutMs: call.timeoutMs,
    },
    log,
  );
  return parseAnswer(call.schema, call.fromRest ? call.fromRest(answer.value) : answer.value);
}
