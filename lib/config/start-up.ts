import "server-only";

import { EnvironmentsFileError, environments } from "./environments";
import { environmentRuntime } from "./runtime";
import { openSharedDatabase, SharedDatabaseError } from "./shared-database";

import { startSettleWorker } from "@/lib/clones/settle-worker";
import { history } from "@/lib/history/store";
import { DoorSettingsError, doorSettings } from "@/lib/http/door-settings";

export async function startUp(): Promise<void> {
  try {
    const list = environments();
    for (const line of doorSettings()) console.log(line);
    const shared = await openSharedDatabase();
    if (shared) console.log(shared);
    const interrupted = await history().markInterrupted();
    if (interrupted > 0)
      console.log(
        `${interrupted} submission(s) were under way when the console stopped: marked unknown, to be settled by lookup in the background`,
      );
    // Batches a stopped console left unfinished resume (in-flight clones settled first).
    const { resumeBatches } = await import("@/lib/batches/recovery");
    const resumed = await resumeBatches();
    if (resumed > 0) console.log(`${resumed} unfinished batch(es) resumed`);
    for (const env of list) {
      const runtime = await environmentRuntime(env.id)!;
      const kind = env.simulator ? "simulator" : "vCenter";
      console.log(`environment ${env.id} (${env.label}): ${kind} at ${runtime.baseUrl}`);
    }
    startSettleWorker();
  } catch (err) {
    const message =
      err instanceof EnvironmentsFileError ||
      err instanceof DoorSettingsError ||
      err instanceof SharedDatabaseError
        ? err.message
        : String((err as Error).stack ?? err);
    console.error(`The console cannot start: ${message}`);
    process.exit(1);
  }
}
