import "server-only";

import { batchStore } from "./batch-store";
import { startBatch } from "./runner";

/** At start-up: every batch a stopped console left unfinished resumes (in-flight clones settled first). */
export async function resumeBatches(): Promise<number> {
  const ids = await batchStore().unfinished();
  for (const id of ids) startBatch(id);
  return ids.length;
}
