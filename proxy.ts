import { type NextRequest, NextResponse } from "next/server";

import { viaTrustedProxy } from "@/lib/http/client-address";
import { pathProblem } from "@/lib/http/path-check";
import { PATH_PROBLEM_HEADER } from "@/lib/http/peer-address";
import { isPublicHost, publicUrl, requestedHost } from "@/lib/http/public-url";

// Runs before Next.js routes a request (every path but the build's static files):
// - a path that is not valid percent-encoding ("%", "%zz") or has an encoded dot segment would
//   make the router fail with a bare 500 or resolve to another path: the console's 400 instead;
// - with CONSOLE_PUBLIC_URL set, a request for any other Host is refused (DNS rebinding), except
//   the health checks, which a container runtime sends to whatever address it has.
export function proxy(request: NextRequest) {
  const problem = request.headers.get(PATH_PROBLEM_HEADER) ?? pathProblem(request.nextUrl.pathname);
  if (problem) return envelope(400, problem);
  const url = publicUrl();
  if (url && !HOST_EXEMPT.has(request.nextUrl.pathname)) {
    const host = requestedHost(request.headers, viaTrustedProxy(request));
    if (!isPublicHost(host, url))
      return envelope(
        421,
        `This console answers only at ${url.origin}, not at ${host.slice(0, 80)}`,
      );
  }
  return NextResponse.next();
}

const HOST_EXEMPT = new Set(["/api/health", "/api/ready"]);

const envelope = (status: number, message: string) =>
  NextResponse.json(
    { error: { origin: "console", status, message } },
    { status, headers: { "cache-control": "no-store" } },
  );

export const config = { matcher: "/((?!_next/static/).*)" };
