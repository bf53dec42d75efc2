import "server-only";

import type { Dispatcher } from "undici";

/**
 * What the vCenter client needs to reach one environment. lib/config builds it (its own
 * EnvironmentRuntime extends this with the whole environment entry); lib/vcenter reads only
 * these fields, so it depends on no other lib/ folder.
 */
export interface EnvironmentRuntime {
  config: { id: string; api?: "auto" | "api" | "rest" };
  baseUrl: string;
  dispatcher: Dispatcher;
  timeouts: { read: number; clone: number };
}
