import "server-only";

import path from "node:path";

import Database from "better-sqlite3";

import { dataDir } from "@/lib/config/data-dir";

import { migrate } from "./migrations";

/** The SQLite file in the data folder that the history and the batches share. */
export const historyFile = () => path.join(dataDir(), "history.sqlite");

/**
 * A connection of its own to that file, migrated. Several connections share it: WAL lets them
 * read while one writes, and the busy timeout makes a writer wait its turn, not fail (SQLITE_BUSY).
 */
export function openHistoryFile(file: string): Database.Database {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("busy_timeout = 5000");
  migrate(db);
  return db;
}
