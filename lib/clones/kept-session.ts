import "server-only";

import { createHash } from "node:crypto";

import { type OperatorSession, openSession, sealSession } from "@/lib/http/session-cookie";

// The operator's session kept with an open outcome, sealed with the console's secret by the
// cookie's own code, under an audience of its own: it opens only here, never as a cookie, so a
// copy of the history cannot be replayed to the console as the operator.
const audience = (env: string) => `settle:${env}`;

export const sealKeptSession = (env: string, session: OperatorSession): Promise<string> =>
  sealSession(audience(env), session);

export const openKeptSession = (
  env: string,
  sealed: string | undefined,
): Promise<OperatorSession | undefined> => openSession(audience(env), sealed);

/** Names a vCenter session without holding it: to recognise one vCenter has already refused. */
export const sessionFingerprint = (token: string): string =>
  createHash("sha256").update(`icc-settle\n${token}`).digest("hex");
