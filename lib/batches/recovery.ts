import "server-only";

import { leaseSeconds } from "@/lib/db/instances";
import { usesPostgres } from "@/lib/db/postgres";
import { history } from "@/lib/history/store";
import { logLine } from "@/lib/http/log";
import { isStopping } from "@/lib/service/in-flight";

import { batchStore } from "./batch-store";
import { startBatch } from "./runner";

// Unfinished batches nobody runs any more are adopted and resumed, their in-flight clones
// settled first (the runner does that before it claims anything). With SQLite that happens once,
// at start-up: the one process is the only one that could have run them. On PostgreSQL another
// instance may die at any time, so every instance also looks every half lease for batches whose
// owner is gone; an owner that is alive is never taken from.

/** At start-up: resumes what a stopped console left; on PostgreSQL, keeps looking. */
export async function resumeBatches(): Promise<number> {
  const resumed = await adoptAndStart();
  if (usesPostgres()) watchForOrphans();
  return resumed;
}

// What the gone console left pending in the history becomes unknown (to be looked up) before its
// batches resume here, their in-flight clones settled first. Also at start-up, though the
// start-up marked them already: on PostgreSQL the owner's lease may have run out in between, and
// a clone still pending could be a live sender's, so the runner would not send it again.
async function adoptAndStart(): Promise<number> {
  const ids = await batchStore().adoptUnfinished();
  if (ids.length > 0) await history().markInterrupted();
  for (const id of ids) startBatch(id);
  return ids.length;
}

const holder = globalThis as { __iccBatchWatch?: NodeJS.Timeout };

function watchForOrphans(): void {
  if (holder.__iccBatchWatch) return;
  holder.__iccBatchWatch = setInterval(
    () => {
      if (isStopping()) return;
      adoptAndStart()
        .then((n) => {
          if (n > 0)
            console.log(`${n} batch(es) adopted from a console instance that is gone: resumed`);
        })
        .catch((err: Error) =>
          logLine({ kind: "error", request_id: "batch-watch", error: err.message }),
        );
    },
    (leaseSeconds() * 1000) / 2,
  );
  holder.__iccBatchWatch.unref();
}

/** For tests: stops looking. */
export function stopWatchingBatches(): void {
  clearInterval(holder.__iccBatchWatch);
  holder.__iccBatchWatch = undefined;
}
