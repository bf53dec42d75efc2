import "server-only";

import { EnvironmentsFileError, environments } from "./environments";
import { environmentRuntime } from "./runtime";

export async function startUp(): Promise<void> {
  try {
    const list = environments();
    for (const env of list) {
      const runtime = await environmentRuntime(env.id)!;
      const kind = env.simulator ? "simulator" : "vCenter";
      console.log(`environment ${env.id} (${env.label}): ${kind} at ${runtime.baseUrl}`);
    }
  } catch (err) {
    const message =
      err instanceof EnvironmentsFileError ? err.message : String((err as Error).stack ?? err);
    console.error(`The console cannot start: ${message}`);
    process.exit(1);
  }
}
