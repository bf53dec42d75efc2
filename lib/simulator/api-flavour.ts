import { invoke, parseJsonBody } from "./dispatch";
import { apiErrorBody, apiStatus, type VapiError } from "./errors";
import type { HttpAnswer, RawCall } from "./flavour";
import { routeNotFound } from "./messages";
import { matchRoute } from "./router";
import { API_ROUTES } from "./routes";
import type { SimulatorState } from "./state";

export function apiError(err: VapiError, operation: string | null, user?: string): HttpAnswer {
  return {
    status: apiStatus(err.errorType),
    body: apiErrorBody(err),
    ...(err.extra.challenge ? { headers: { "www-authenticate": err.extra.challenge } } : {}),
    operation,
    ...(user ? { user } : {}),
  };
}

/** The /api flavour (vCenter 7.0 U2 and later): bare bodies, bare errors with error_type. */
export function serveApi(sim: SimulatorState, call: RawCall): HttpAnswer {
  const match = matchRoute(API_ROUTES, call.method, call.path, call.query);
  if (!match) return apiError(routeNotFound(), null);
  const operation = match.route.operation;
  const outcome = invoke(sim, match, {
    query: call.query,
    headers: call.headers,
    body: () => parseJsonBody(call.rawBody),
  });
  if ("error" in outcome) return apiError(outcome.error, operation, outcome.user);
  return { status: outcome.reply.status, body: outcome.reply.body, operation, user: outcome.user };
}
