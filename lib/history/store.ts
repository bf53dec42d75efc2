import "server-only";

import { pgPool, usesPostgres } from "@/lib/db/postgres";

import type { OperationStore } from "./operation-store";
import { PgOperationStore } from "./pg-store";
import { SqliteOperationStore } from "./sqlite-store";

export type { OpenOperation, OperationStore, SourceIdentity } from "./operation-store";

// The one place that picks the history's store: PostgreSQL when CONSOLE_DATABASE_URL is set
// (several instances share it), else the SQLite file in the data folder.
const holder = globalThis as { __iccHistory?: OperationStore };
export const history = (): OperationStore =>
  (holder.__iccHistory ??= usesPostgres()
    ? new PgOperationStore(pgPool())
    : new SqliteOperationStore());
