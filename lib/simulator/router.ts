import type { IncomingHttpHeaders } from "node:http";

import type { Session } from "./sessions";
import type { SimulatorState } from "./state";
import type { SimUser } from "./users";

export interface ApiRequest {
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  headers: IncomingHttpHeaders;
  /** Set for routes that need a session. */
  session?: Session;
  /** Set for the login route, from its Basic credentials. */
  user?: SimUser;
  sim: SimulatorState;
}

export interface ApiReply {
  status: number;
  body?: unknown;
}

export interface Route {
  method: "GET" | "POST" | "DELETE";
  /** An /api path with {placeholders}, e.g. /api/vcenter/vm/{vm}. */
  pattern: string;
  /** The ?action= the route needs, e.g. "instant-clone". */
  action?: string;
  /** Stable name for the calls log, e.g. "vcenter.vm.instant_clone". */
  operation: string;
  auth: "session" | "basic";
  /** Query keys the operation takes; any other key is refused as vCenter does. */
  query: readonly string[];
  /** The operation takes a JSON request body. */
  body?: boolean;
  handle(req: ApiRequest): ApiReply;
}

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

export function matchRoute(
  routes: readonly Route[],
  method: string,
  path: string,
  query: URLSearchParams,
): RouteMatch | undefined {
  const segments = path.split("/");
  for (const route of routes) {
    if (route.method !== method || (route.action && query.get("action") !== route.action)) continue;
    const params = matchPattern(route.pattern.split("/"), segments);
    if (params) return { route, params };
  }
  return undefined;
}

function matchPattern(pattern: string[], segments: string[]): Record<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const part = pattern[i];
    if (part.startsWith("{")) {
      const value = decode(segments[i]);
      if (!value) return undefined;
      params[part.slice(1, -1)] = value;
    } else if (part !== segments[i]) return undefined;
  }
  return params;
}

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
