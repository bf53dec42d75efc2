import "server-only";

import { EnvironmentsFileError, environments } from "./environments";
import { environmentRuntime } from "./runtime";

import { history } from "@/lib/history/store";
import { DoorSettingsError, doorSettings } from "@/lib/http/door-settings";

export async function startUp(): Promise<void> {
  try {
    const list = environments();
    for (const line of doorSettings()) console.log(line);
    const interrupted = history().markInterrupted();
    if (interrupted > 0)
      console.log(
        `${interrupted} submission(s) were under way when the console stopped: marked unknown, to be settled by lookup`,
      );
    for (const env of list) {
      const runtime = await environmentRuntime(env.id)!;
      const kind = env.simulator ? "simulator" : "vCenter";
      console.log(`environment ${env.id} (${env.label}): ${kind} at ${runtime.baseUrl}`);
    }
  } catch (err) {
    const message =
      err instanceof EnvironmentsFileError || err instanceof DoorSettingsError
        ? err.message
        : String((err as Error).stack ?? err);
    console.error(`The console cannot start: ${message}`);
    process.exit(1);
  }
}
