import "server-only";

import type { OperationStore } from "./operation-store";
import { SqliteOperationStore } from "./sqlite-store";

export type { OpenOperation, OperationStore, SourceIdentity } from "./operation-store";

// The one place that picks the history's store.
const holder = globalThis as { __iccHistory?: OperationStore };
export const history = (): OperationStore => (holder.__iccHistory ??= new SqliteOperationStore());
