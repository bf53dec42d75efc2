import { apiError, serveApi } from "./api-flavour";
import { type HttpAnswer, legacyNotFound, type RawCall } from "./flavour";
import { routeNotFound } from "./messages";
import { restApiForm, serveRest } from "./rest-flavour";
import { matchRoute } from "./router";
import { API_ROUTES } from "./routes";
import type { SimulatorState } from "./state";

/** Routes a call to the flavour the simulated vCenter version speaks. 7.0 U2+ ("api") serves
 *  both /api and the deprecated /rest; older versions know only /rest. */
export function serveCall(sim: SimulatorState, call: RawCall): HttpAnswer {
  if (call.path.startsWith("/rest/")) return serveRest(sim, call);
  if (sim.mode !== "api") return legacyNotFound();
  if (call.path.startsWith("/api/")) return serveApi(sim, call);
  return apiError(routeNotFound(), null);
}

/** The operation a call would reach, without running it (for calls a fault stops first). */
export function operationOf(sim: SimulatorState, call: RawCall): string | null {
  const form = call.path.startsWith("/rest/")
    ? restApiForm(call)
    : sim.mode === "api"
      ? call
      : undefined;
  return (
    (form && matchRoute(API_ROUTES, form.method, form.path, form.query)?.route.operation) ?? null
  );
}
