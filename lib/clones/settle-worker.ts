import "server-only";

import { randomUUID } from "node:crypto";

import { environmentRuntime } from "@/lib/config/runtime";
import { history, type OpenOperation } from "@/lib/history/store";
import { logLine } from "@/lib/http/log";
import type { OperatorSession } from "@/lib/http/session-cookie";
import { isStopping, ServiceStoppingError, trackWork } from "@/lib/service/in-flight";
import type { VcenterContext } from "@/lib/vcenter/context";

import { openKeptSession, sealKeptSession, sessionFingerprint } from "./kept-session";
import { checkOutcome } from "./settle";

// The background worker that settles open outcomes: every second it takes the operations whose
// next lookup is due (those of a console that stopped included) and looks each up with the
// operator's kept session. History reads never wait for it. Each pass is in-flight work: a stop
// waits for its lookups to be recorded. With several instances the store hands each lookup to
// one of them, and what a gone instance left pending is taken over every few seconds.
const TICK_MS = 1_000;
const TAKEOVER_MS = 5_000;
const BATCH = 20;

interface Worker {
  timer?: NodeJS.Timeout;
  busy: boolean;
  lastTakeover: number;
}
const worker = ((globalThis as { __iccSettleWorker?: Worker }).__iccSettleWorker ??= {
  busy: false,
  lastTakeover: 0,
});

/** Starts the worker once per process (at start-up); later calls do nothing. */
export function startSettleWorker(): void {
  if (worker.timer) return;
  worker.timer = setInterval(() => void tick(), TICK_MS);
  worker.timer.unref();
  void tick();
}

export function stopSettleWorker(): void {
  clearInterval(worker.timer);
  worker.timer = undefined;
}

/** One pass: every due lookup, a few at a time. Exported for tests. */
export async function tick(): Promise<void> {
  if (worker.busy || isStopping()) return;
  worker.busy = true;
  try {
    await trackWork("settle", async () => {
      await takeOverInterrupted();
      const due = await history().due(Date.now(), BATCH);
      await Promise.all(due.map((open) => settleInBackground(open)));
    });
  } catch (err) {
    if (!(err instanceof ServiceStoppingError))
      logLine({ kind: "error", request_id: "settle-worker", error: String(errorText(err)) });
  } finally {
    worker.busy = false;
  }
}

/** What an instance that is gone left pending becomes unknown, to be looked up here. */
async function takeOverInterrupted(): Promise<void> {
  const now = Date.now();
  if (now - worker.lastTakeover < TAKEOVER_MS) return;
  worker.lastTakeover = now;
  const marked = await history().markInterrupted(now);
  if (marked > 0)
    console.log(
      `${marked} submission(s) or deletion(s) left pending by a console that stopped: marked unknown, to be settled by lookup`,
    );
}

async function settleInBackground(open: OpenOperation): Promise<void> {
  const { operation } = open;
  const requestId = `settle-${randomUUID()}`;
  try {
    const runtime = await environmentRuntime(operation.env);
    const session = await openKeptSession(operation.env, open.sealedSession);
    if (!runtime || !session || session.user !== operation.user) {
      await history().sessionRefused(operation.id); // the environment or the seal is gone
      return;
    }
    const ctx: VcenterContext = {
      runtime,
      session: session.token,
      log: (entry) =>
        logLine({ kind: "upstream", request_id: requestId, env: operation.env, ...entry }),
    };
    const after = await checkOutcome(ctx, open, sessionFingerprint(session.token));
    if (after.state !== "unknown")
      logLine({
        kind: "settle",
        request_id: requestId,
        env: operation.env,
        user: operation.user,
        operation: operation.id,
        outcome: after.state,
        ...(after.vm ? { vm: after.vm } : {}),
      });
  } catch (err) {
    logLine({
      kind: "error",
      request_id: requestId,
      env: operation.env,
      operation: operation.id,
      error: errorText(err),
    });
  }
}

const errorText = (err: unknown) => String((err as Error)?.stack ?? err);

/**
 * The operator is back (any history or clone request): their open outcomes that wait for a
 * session vCenter honours get this one, and the worker looks them up at once, in the background.
 */
export async function resumeSettling(env: string, session: OperatorSession): Promise<void> {
  try {
    const store = history();
    if (!(await store.waitingForSession(env, session.user))) return;
    const sealed = await sealKeptSession(env, session);
    if (
      await store.adoptSession(
        env,
        session.user,
        sealed,
        sessionFingerprint(session.token),
        Date.now(),
      )
    )
      void tick();
  } catch (err) {
    logLine({ kind: "error", request_id: "settle-resume", env, error: errorText(err) });
  }
}
