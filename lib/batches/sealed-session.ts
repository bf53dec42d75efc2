import "server-only";

import { type OperatorSession, openSession, sealSession } from "@/lib/http/session-cookie";

// The operator's vCenter session, kept server-side while their batch runs: sealed with the
// console's secret (the same sealing as the session cookie), so the database never holds a
// usable token, and deleted when the batch ends.
// TODO: import from lib/session/ once the sealing moves there (STYLE.md, "where the next pieces go").

export const sealForBatch = (env: string, session: OperatorSession): Promise<string> =>
  sealSession(env, session);

export const openForBatch = (
  env: string,
  sealed: string | undefined,
): Promise<OperatorSession | undefined> => openSession(env, sealed);
