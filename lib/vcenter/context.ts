import "server-only";

import type { EnvironmentRuntime } from "./runtime";

import type { UpstreamLog } from "./client";

/** One operator's view of one vCenter: where it is, the operator's token, where calls are logged. */
export interface VcenterContext {
  runtime: EnvironmentRuntime;
  session: string;
  log?: UpstreamLog;
}
