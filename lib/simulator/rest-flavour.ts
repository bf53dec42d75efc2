import { invoke, parseJsonBody } from "./dispatch";
import { restErrorBody, restStatus, VapiError } from "./errors";
import { type HttpAnswer, legacyNotFound, type RawCall } from "./flavour";
import { fieldsUnexpected } from "./messages";
import { cloneBodyFromRest, vmInfoForRest } from "./rest-maps";
import { matchRoute, type RouteMatch } from "./router";
import { API_ROUTES } from "./routes";
import type { SimulatorState } from "./state";

// The deprecated /rest flavour (FACTS.md §3-4), served by the /api operations: filters carry a
// "filter." prefix, bodies are {"spec": …}, answers are {"value": …}, errors {"type", "value"}.

const SESSION_PATH = "/rest/com/vmware/cis/session";

/** The /api method, path and query a /rest call stands for; undefined outside /rest/vcenter and the session. */
export function restApiForm(
  call: RawCall,
): { method: string; path: string; query: URLSearchParams } | undefined {
  const query = new URLSearchParams();
  for (const [key, value] of call.query)
    if (key !== "~action") query.append(key.replace(/^filter\./, ""), value);
  if (call.path === SESSION_PATH) {
    const getting = call.method === "POST" && call.query.get("~action") === "get";
    return { method: getting ? "GET" : call.method, path: "/api/session", query };
  }
  if (!call.path.startsWith("/rest/vcenter/")) return undefined;
  // /rest names a power action in the path (…/power/stop), /api in the query (…/power?action=stop).
  const power = /^\/rest(\/vcenter\/vm\/[^/]+\/power)\/(start|stop|suspend|reset)$/.exec(call.path);
  if (power && call.method === "POST") {
    query.set("action", power[2]);
    return { method: "POST", path: `/api${power[1]}`, query };
  }
  return { method: call.method, path: `/api${call.path.slice("/rest".length)}`, query };
}

// vSphere 6.7 has no instant clone: its router sees "action" as an unknown input field (A5).
function withoutInstantClone(match: RouteMatch): RouteMatch {
  const refuse = () => {
    throw new VapiError("UNEXPECTED_INPUT", [fieldsUnexpected(["action"], "operation-input")]);
  };
  return { ...match, route: { ...match.route, body: false, handle: refuse } };
}

export function serveRest(sim: SimulatorState, call: RawCall): HttpAnswer {
  const api = restApiForm(call);
  let match = api && matchRoute(API_ROUTES, api.method, api.path, api.query);
  if (!api || !match) return legacyNotFound();
  const operation = match.route.operation;
  const legacy = sim.mode === "legacy67";
  if (legacy && operation === "vcenter.vm.instant_clone") match = withoutInstantClone(match);
  const outcome = invoke(sim, match, {
    query: api.query,
    headers: call.headers,
    body: () => cloneBodyFromRest(parseJsonBody(call.rawBody)),
  });
  if ("error" in outcome) {
    const err = outcome.error;
    return {
      status: restStatus(err.errorType),
      body: restErrorBody(err, !legacy),
      ...(err.extra.challenge ? { headers: { "www-authenticate": err.extra.challenge } } : {}),
      operation,
      user: outcome.user,
    };
  }
  const { body } = outcome.reply;
  const value =
    operation === "vcenter.vm.get" && typeof body === "object" && body !== null
      ? vmInfoForRest({ ...body }, legacy)
      : body;
  // /rest answers 200 where /api answers 201 (login) or 204 (logout).
  return {
    status: 200,
    ...(value === undefined ? {} : { body: { value } }),
    operation,
    user: outcome.user,
  };
}
