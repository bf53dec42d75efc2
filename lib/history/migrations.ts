import "server-only";

import type Database from "better-sqlite3";

// Schema changes in order; PRAGMA user_version records how many have run. Append, never edit.
const MIGRATIONS: string[] = [
  `CREATE TABLE operations (
     id              TEXT PRIMARY KEY,
     env             TEXT NOT NULL,
     vcenter_user    TEXT NOT NULL,
     idempotency_key TEXT,
     spec            TEXT NOT NULL,
     source          TEXT NOT NULL,
     name            TEXT NOT NULL,
     state           TEXT NOT NULL CHECK (state IN ('pending', 'succeeded', 'failed', 'unknown')),
     vm              TEXT,
     error           TEXT,
     settled_by      TEXT,
     started_at      INTEGER NOT NULL,
     ended_at        INTEGER,
     duration_ms     INTEGER
   );
   CREATE UNIQUE INDEX operations_idempotency ON operations (env, vcenter_user, idempotency_key)
     WHERE idempotency_key IS NOT NULL;
   CREATE INDEX operations_env_started ON operations (env, started_at DESC);
   CREATE INDEX operations_state ON operations (state);`,
  // Evidence for settling an uncertain outcome in the background (lib/clones/settle.ts).
  `ALTER TABLE operations ADD COLUMN names_before TEXT;
   ALTER TABLE operations ADD COLUMN sealed_session TEXT;
   ALTER TABLE operations ADD COLUMN refused_session TEXT;
   ALTER TABLE operations ADD COLUMN settle_after INTEGER;
   ALTER TABLE operations ADD COLUMN next_check INTEGER;
   ALTER TABLE operations ADD COLUMN checks INTEGER NOT NULL DEFAULT 0;
   CREATE INDEX operations_next_check ON operations (next_check) WHERE state = 'unknown';`,
  // Batches (lib/batches): each clone's whole spec is fixed at acceptance; an item names the
  // history operation of its latest attempt. `session` holds the operator's sealed vCenter
  // session while the batch runs, NULL once it ends.
  `CREATE TABLE batches (
     id              TEXT PRIMARY KEY,
     env             TEXT NOT NULL,
     vcenter_user    TEXT NOT NULL,
     idempotency_key TEXT,
     request         TEXT NOT NULL,
     source          TEXT NOT NULL,
     concurrency     INTEGER NOT NULL,
     total           INTEGER NOT NULL,
     state           TEXT NOT NULL CHECK (state IN ('running', 'done', 'cancelled')),
     session         TEXT,
     created_at      INTEGER NOT NULL,
     ended_at        INTEGER
   );
   CREATE UNIQUE INDEX batches_idempotency ON batches (env, vcenter_user, idempotency_key)
     WHERE idempotency_key IS NOT NULL;
   CREATE INDEX batches_env_created ON batches (env, created_at DESC);
   CREATE TABLE batch_items (
     batch_id   TEXT NOT NULL REFERENCES batches (id),
     idx        INTEGER NOT NULL,
     name       TEXT NOT NULL,
     spec       TEXT NOT NULL,
     state      TEXT NOT NULL CHECK (state IN ('pending', 'running', 'succeeded', 'failed', 'unknown', 'cancelled')),
     attempt    INTEGER NOT NULL DEFAULT 0,
     operation  TEXT,
     vm         TEXT,
     error      TEXT,
     started_at INTEGER,
     ended_at   INTEGER,
     PRIMARY KEY (batch_id, idx)
   );
   CREATE INDEX batch_items_state ON batch_items (batch_id, state);`,
  // Step "after the clone" (issue 13): how far each clone's guest got, and deletions of clones.
  `CREATE TABLE clone_guests (
     operation         TEXT PRIMARY KEY REFERENCES operations (id),
     source_host_name  TEXT,
     source_ip_address TEXT,
     state             TEXT NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting', 'ready', 'not_ready')),
     host_name         TEXT,
     ip_address        TEXT,
     ready_at          INTEGER,
     timeout_seconds   INTEGER
   );
   CREATE TABLE deletions (
     id              TEXT PRIMARY KEY,
     env             TEXT NOT NULL,
     vcenter_user    TEXT NOT NULL,
     vm              TEXT NOT NULL,
     clone_operation TEXT NOT NULL REFERENCES operations (id),
     state           TEXT NOT NULL CHECK (state IN ('pending', 'succeeded', 'failed', 'unknown')),
     already_gone    INTEGER NOT NULL DEFAULT 0,
     error           TEXT,
     settled_by      TEXT,
     started_at      INTEGER NOT NULL,
     ended_at        INTEGER,
     duration_ms     INTEGER
   );
   -- At most one deletion of a clone under way or done; a failed one may be tried again.
   CREATE UNIQUE INDEX deletions_one_live ON deletions (clone_operation)
     WHERE state IN ('pending', 'unknown', 'succeeded');
   CREATE INDEX deletions_env_started ON deletions (env, started_at DESC);
   CREATE INDEX operations_env_vm ON operations (env, vm) WHERE vm IS NOT NULL;`,
  // Instances (lib/history/sqlite-store.ts): who sent an operation or a deletion, so start-up
  // marks only what a gone console left pending; and the settle lookup under way (a claim).
  `ALTER TABLE operations ADD COLUMN owner TEXT;
   ALTER TABLE operations ADD COLUMN claimed_by TEXT;
   ALTER TABLE operations ADD COLUMN claimed_until INTEGER;
   ALTER TABLE deletions ADD COLUMN owner TEXT;`,
  // The history filtered by outcome, newest first (100,000 operations: lib/bench/history.ts).
  `CREATE INDEX operations_env_state_started ON operations (env, state, started_at DESC);`,
];

export function migrate(db: Database.Database): void {
  const current = db.pragma("user_version", { simple: true }) as number;
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
