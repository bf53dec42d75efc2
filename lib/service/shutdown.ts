import "server-only";

import { stopHeartbeat } from "@/lib/db/instances";
import { closePgPool, pgPool, usesPostgres } from "@/lib/db/postgres";
import { history } from "@/lib/history/store";

import { beginStopping, inFlightCount, waitForInFlight } from "./in-flight";

// Graceful stop on SIGTERM (and SIGINT): readiness turns 503 and new submissions are refused
// at once, in-flight vCenter calls get CONSOLE_SHUTDOWN_GRACE_S to finish and be recorded,
// then the database is closed and the process exits 0. Work still running after the grace stays
// `pending` in the history; the next start (on PostgreSQL: another instance, at once) marks it
// `unknown` and settles it by lookup.
//
// Next.js's own server (`next start` and the standalone server.js both run start-server.js)
// closes its listener on SIGTERM, waits only for open HTTP requests and exits 143, unless
// NEXT_MANUAL_SIG_HANDLE is set: then the signal is ours. `npm start` and the image set it.

const DEFAULT_GRACE_S = 30;
// After the last tracked work ends, its route still has to write the answer: a short pause
// lets those answers leave before the process exits.
const ANSWER_FLUSH_MS = 300;

export function shutdownGraceMs(env: Partial<Record<string, string>> = process.env): number {
  const raw = env.CONSOLE_SHUTDOWN_GRACE_S;
  if (raw === undefined || raw === "") return DEFAULT_GRACE_S * 1000;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds < 0)
    throw new Error(`CONSOLE_SHUTDOWN_GRACE_S must be a number of seconds, not "${raw}"`);
  return seconds * 1000;
}

const installed = globalThis as { __iccShutdownInstalled?: boolean };

/** Takes over SIGTERM and SIGINT; called once from instrumentation. */
export function installShutdown(): void {
  if (installed.__iccShutdownInstalled) return;
  installed.__iccShutdownInstalled = true;
  const graceMs = shutdownGraceMs();
  if (!process.env.NEXT_MANUAL_SIG_HANDLE)
    console.warn(
      "NEXT_MANUAL_SIG_HANDLE is not set: on SIGTERM Next.js exits as soon as open requests end (code 143), without waiting for background work. `npm start` and the image set it.",
    );
  for (const signal of ["SIGTERM", "SIGINT"] as const)
    process.once(signal, () => void stop(signal, graceMs));
}

async function stop(signal: NodeJS.Signals, graceMs: number): Promise<void> {
  beginStopping();
  const open = inFlightCount();
  log({ event: "stopping", signal, in_flight: open, grace_s: graceMs / 1000 });
  const drained = await waitForInFlight(graceMs);
  if (!drained)
    log({
      event: "grace over",
      in_flight: inFlightCount(),
      note: "left pending: marked unknown and settled by lookup at the next start",
    });
  await new Promise((resolve) => setTimeout(resolve, ANSWER_FLUSH_MS));
  try {
    await history().close();
  } catch (err) {
    log({ event: "closing the history failed", error: String(err) });
  }
  // Last: with the heartbeat gone, what this instance left pending is the others' at once.
  if (usesPostgres())
    try {
      await stopHeartbeat(pgPool());
      await closePgPool();
    } catch (err) {
      log({ event: "closing the database failed", error: String(err) });
    }
  log({ event: "stopped" });
  process.exit(0);
}

function log(entry: Record<string, unknown>): void {
  console.log(JSON.stringify({ time: new Date().toISOString(), kind: "shutdown", ...entry }));
}
