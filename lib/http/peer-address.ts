import "server-only";

import { randomBytes } from "node:crypto";
import http from "node:http";
import https from "node:https";

import { pathProblem } from "./path-check";

// Next.js (16) hands route handlers and proxy.ts a Request without the socket: the only trace of
// the peer's address is `x-forwarded-for`, which Next.js fills from the socket only when the
// client sent none (`??=` in next/dist/server/base-server.js), so a client can pick its own.
// The server's own requests are stamped instead, before Next.js sees them: every "request" event
// of a Node HTTP server gets `x-icc-peer: <nonce> <socket address>`, replacing whatever the client
// sent. The nonce is random per process, so a stamp the client forged never matches.

const HEADER = "x-icc-peer";
/** Set (by the server, never the client) when the raw path is one proxy.ts must refuse. */
export const PATH_PROBLEM_HEADER = "x-icc-path-problem";

interface Stamp {
  nonce: string;
  installed: boolean;
}

const stamp = ((globalThis as { __iccPeerStamp?: Stamp }).__iccPeerStamp ??= {
  nonce: randomBytes(18).toString("base64url"),
  installed: false,
});

/** Called once at start-up (instrumentation.ts), before the console serves its first route. */
export function stampPeerAddresses(): void {
  if (stamp.installed) return;
  stamp.installed = true;
  for (const Server of [http.Server, https.Server]) {
    const emit = Server.prototype.emit;
    Server.prototype.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
      if (event === "request") {
        const req = args[0] as http.IncomingMessage;
        req.headers[HEADER] = `${stamp.nonce} ${req.socket?.remoteAddress ?? ""}`;
        // Next.js parses the URL before proxy.ts sees it, and "/api/%2e%2e/health" is "/health"
        // by then: the raw path is checked here, where it is still what the client sent.
        const problem = pathProblem(req.url ?? "/");
        if (problem) req.headers[PATH_PROBLEM_HEADER] = problem;
        else delete req.headers[PATH_PROBLEM_HEADER];
      }
      return (emit as (...all: unknown[]) => boolean).apply(this, [event, ...args]);
    } as typeof emit;
  }
}

/**
 * The socket address of the request's peer, or undefined for a request that came in before the
 * stamp was installed (the first seconds of start-up): callers treat that as one unknown client.
 */
export function peerAddress(headers: Headers): string | undefined {
  const value = headers.get(HEADER);
  if (!value) return undefined;
  const space = value.indexOf(" ");
  if (space < 0 || value.slice(0, space) !== stamp.nonce) return undefined;
  return unmapIpv4(value.slice(space + 1)) || undefined;
}

/** "::ffff:10.0.0.1" (an IPv4 peer on a dual-stack socket) is 10.0.0.1. */
export const unmapIpv4 = (address: string) =>
  address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
