import "server-only";

import { type OperatorSession, openSession, sealSession } from "@/lib/http/session-cookie";

// The operator's vCenter session, kept server-side while their batch runs: sealed with the
// console's secret by the cookie's own code under an audience of its own (so it never opens as
// a cookie), and deleted when the batch ends.
// TODO: import from lib/session/ once the sealing moves there (STYLE.md, "where the next pieces go").
const audience = (env: string) => `batch:${env}`;

export const sealForBatch = (env: string, session: OperatorSession): Promise<string> =>
  sealSession(audience(env), session);

export const openForBatch = (
  env: string,
  sealed: string | undefined,
): Promise<OperatorSession | undefined> => openSession(audience(env), sealed);
