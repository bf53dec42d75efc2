import "server-only";

import { usesPostgres } from "@/lib/db/postgres";

import { PgBatchStore } from "./pg-store";
import { SqliteBatchStore } from "./sqlite-store";
import type { BatchStore } from "./store";

// The one place that picks the batch store: PostgreSQL when CONSOLE_DATABASE_URL names one
// (several instances share it), else the SQLite file in the data folder.
const holder = globalThis as { __iccBatchStore?: BatchStore };
export const batchStore = (): BatchStore =>
  (holder.__iccBatchStore ??= usesPostgres() ? new PgBatchStore() : new SqliteBatchStore());
