import "server-only";

import { randomUUID } from "node:crypto";

import type { NextRequest } from "next/server";

import { type EnvironmentRuntime, environmentRuntime } from "@/lib/config/runtime";
import type { VcenterContext } from "@/lib/vcenter/context";

import { notLoggedIn, unknownEnvironment } from "./console-error";
import { errorResponse } from "./error-response";
import { logLine } from "./log";
import { checkSameOrigin } from "./origin-check";
import { cookieName, type OperatorSession, openSession } from "./session-cookie";

export interface EnvRequest {
  req: NextRequest;
  envId: string;
  runtime: EnvironmentRuntime;
  params: Record<string, string>;
  requestId: string;
  /** Logs one upstream call of this request. */
  upstreamLog: NonNullable<VcenterContext["log"]>;
  /** Set for routes that need a login. */
  vcenter: VcenterContext;
  operator: OperatorSession;
}

type Handler = (r: EnvRequest) => Promise<Response>;
type PublicHandler = (r: Omit<EnvRequest, "vcenter" | "operator">) => Promise<Response>;
type RouteContext = { params: Promise<Record<string, string>> };

/** A route that needs the operator's vCenter session for the environment in its path. */
export function withOperator(handler: Handler) {
  return wrap(async (base) => {
    const operator = await openSession(
      base.envId,
      base.req.cookies.get(cookieName(base.envId))?.value,
    );
    if (!operator) throw notLoggedIn();
    base.user = operator.user;
    const vcenter: VcenterContext = {
      runtime: base.runtime,
      session: operator.token,
      log: base.upstreamLog,
    };
    return handler({ ...base, vcenter, operator });
  });
}

/** A route of one environment that needs no login (logging in itself). */
export function withEnvironment(handler: PublicHandler) {
  return wrap(handler);
}

type Base = Omit<EnvRequest, "vcenter" | "operator"> & { user?: string };

function wrap(handler: (base: Base) => Promise<Response>) {
  return async (req: NextRequest, ctx: RouteContext): Promise<Response> => {
    const started = performance.now();
    const requestId = randomUUID();
    let base: Base | undefined;
    let response: Response;
    try {
      checkSameOrigin(req);
      const params = await ctx.params;
      const envId = params.env ?? "";
      const runtime = await environmentRuntime(envId);
      if (!runtime) throw unknownEnvironment(envId);
      base = {
        req,
        envId,
        runtime,
        params,
        requestId,
        upstreamLog: (entry) =>
          logLine({
            kind: "upstream",
            request_id: requestId,
            env: envId,
            user: base?.user,
            ...entry,
          }),
      };
      response = await handler(base);
    } catch (err) {
      response = errorResponse(err, { request_id: requestId });
      if (response.status >= 500 && !(err instanceof Error && "status" in err))
        console.error(
          JSON.stringify({ request_id: requestId, error: String((err as Error)?.stack ?? err) }),
        );
    }
    response.headers.set("x-request-id", requestId);
    // Answers carry sessions, inventory and history: no cache on the way may keep them.
    response.headers.set("cache-control", "no-store");
    logLine({
      kind: "request",
      request_id: requestId,
      env: base?.envId,
      user: base?.user,
      method: req.method,
      path: req.nextUrl.pathname,
      status: response.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
    return response;
  };
}
