import "server-only";

import { SqliteBatchStore } from "./sqlite-store";
import type { BatchStore } from "./store";

// The one place that picks the batch store (SQLite today; PostgreSQL from CONSOLE_DATABASE_URL next).
const holder = globalThis as { __iccBatchStore?: BatchStore };
export const batchStore = (): BatchStore => (holder.__iccBatchStore ??= new SqliteBatchStore());
