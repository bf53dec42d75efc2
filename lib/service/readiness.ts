import "server-only";

import { environments } from "@/lib/config/environments";
import { history } from "@/lib/history/store";

import { isStopping } from "./in-flight";

// Set by instrumentation once start-up finished (environments loaded, simulators started,
// history opened and migrated). On globalThis: the route reading it is another bundle.
const state = ((globalThis as { __iccStarted?: { started: boolean } }).__iccStarted ??= {
  started: false,
});

export function markStarted(): void {
  state.started = true;
}

export type Readiness = { ready: true } | { ready: false; reason: string };

/** Ready: started, not stopping, the database answers a query on the migrated schema. */
export async function readiness(): Promise<Readiness> {
  if (isStopping()) return { ready: false, reason: "The console is stopping" };
  if (!state.started) return { ready: false, reason: "The console is starting" };
  if (environments().length === 0) return { ready: false, reason: "No environments are loaded" };
  try {
    // Fails when the database is gone or not migrated.
    await history().ping();
  } catch (err) {
    // The cause (a path, an errno) goes to the log, not to an unauthenticated answer.
    console.error(JSON.stringify({ kind: "readiness", error: String(err) }));
    return {
      ready: false,
      reason: "The history database does not answer; the cause is in the log",
    };
  }
  return { ready: true };
}
