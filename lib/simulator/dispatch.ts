import { createHash } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";

import { VapiError } from "./errors";
import { authenticationRequired, bodyParseError, fieldsUnexpected } from "./messages";
import type { ApiReply, RouteMatch } from "./router";
import type { SimulatorState } from "./state";
import { authenticate, type SimUser } from "./users";

export interface CallInput {
  /** Query keys as the /api operation names them. */
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The body as the operation takes it; read only after authentication, as vCenter does. */
  body: () => unknown;
}

export type Outcome = { reply: ApiReply; user?: string } | { error: VapiError; user?: string };

/** What vCenter puts in `challenge` and WWW-Authenticate: Basic plus its SSO token service. */
function challenge(sim: SimulatorState, headers: IncomingHttpHeaders): string {
  const host = (headers.host ?? "localhost").replace(/:\d+$/, "");
  const realm = createHash("sha1").update(sim.inventory.serverGuid).digest("hex");
  return `Basic realm="VAPI endpoint",SIGN realm=${realm},service="VAPI endpoint",sts="https://${host}/sts/STSService/vsphere.local"`;
}

function basicUser(headers: IncomingHttpHeaders): SimUser | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(headers.authorization ?? "");
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon < 0 ? undefined : authenticate(decoded.slice(0, colon), decoded.slice(colon + 1));
}

/** Parses a JSON body; an empty body is "no body", anything unparsable is vCenter's 400. */
export function parseJsonBody(raw: string): unknown {
  if (raw.trim() === "") return undefined;
  try {
    return JSON.parse(raw);
  } catch (err) {
    throw bodyParseError(err instanceof Error ? err.message : String(err));
  }
}

/** Runs one matched operation: authentication, query keys, body, then the handler. */
export function invoke(
  sim: SimulatorState,
  { route, params }: RouteMatch,
  input: CallInput,
): Outcome {
  let user: SimUser | undefined;
  try {
    const session =
      route.auth === "session"
        ? sim.sessions.use(String(input.headers["vmware-api-session-id"] ?? ""))
        : undefined;
    user = route.auth === "basic" ? basicUser(input.headers) : session?.user;
    if (!user) throw authenticationRequired(challenge(sim, input.headers));
    const unexpected = [...new Set(input.query.keys())].filter(
      (key) => !route.query.includes(key) && !(route.action && key === "action"),
    );
    if (unexpected.length)
      throw new VapiError("INVALID_ARGUMENT", [fieldsUnexpected(unexpected, "operation-input")]);
    const body = route.body ? input.body() : undefined;
    const reply = route.handle({
      params,
      query: input.query,
      body,
      headers: input.headers,
      session,
      user,
      sim,
    });
    return { reply, user: user.name };
  } catch (err) {
    if (err instanceof VapiError) return { error: err, user: user?.name };
    throw err;
  }
}
