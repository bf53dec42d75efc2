import "server-only";

// The history's tables on PostgreSQL (ensureSchema scope "history"), the same columns as the
// SQLite file's (migrations.ts) so one row conversion serves both: times in epoch ms (bigint),
// JSON as text. `seq` orders rows begun in the same millisecond (SQLite's rowid). Append steps,
// never edit one.
export const HISTORY_STEPS: readonly string[] = [
  `CREATE TABLE operations (
     seq             bigint GENERATED ALWAYS AS IDENTITY,
     id              text PRIMARY KEY,
     env             text NOT NULL,
     vcenter_user    text NOT NULL,
     idempotency_key text,
     spec            text NOT NULL,
     source          text NOT NULL,
     name            text NOT NULL,
     state           text NOT NULL CHECK (state IN ('pending', 'succeeded', 'failed', 'unknown')),
     vm              text,
     error           text,
     settled_by      text,
     started_at      bigint NOT NULL,
     ended_at        bigint,
     duration_ms     bigint,
     names_before    text,
     sealed_session  text,
     refused_session text,
     settle_after    bigint,
     next_check      bigint,
     checks          integer NOT NULL DEFAULT 0,
     -- The instance that sent it: while that instance lives, nobody else marks it interrupted.
     owner           text,
     -- The settle lookup under way, and until when it may hold the operation.
     claimed_by      text,
     claimed_until   timestamptz
   );
   CREATE UNIQUE INDEX operations_idempotency ON operations (env, vcenter_user, idempotency_key)
     WHERE idempotency_key IS NOT NULL;
   CREATE INDEX operations_env_started ON operations (env, started_at DESC, seq DESC);
   CREATE INDEX operations_env_state_started ON operations (env, state, started_at DESC, seq DESC);
   CREATE INDEX operations_open ON operations (next_check) WHERE state = 'unknown';
   CREATE INDEX operations_pending ON operations (owner) WHERE state = 'pending';
   CREATE INDEX operations_env_vm ON operations (env, vm) WHERE vm IS NOT NULL;
   CREATE INDEX operations_waiting ON operations (env, vcenter_user)
     WHERE state = 'unknown' AND sealed_session IS NULL;
   CREATE TABLE clone_guests (
     operation         text PRIMARY KEY REFERENCES operations (id),
     source_host_name  text,
     source_ip_address text,
     state             text NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting', 'ready', 'not_ready')),
     host_name         text,
     ip_address        text,
     ready_at          bigint,
     timeout_seconds   integer
   );
   CREATE TABLE deletions (
     seq             bigint GENERATED ALWAYS AS IDENTITY,
     id              text PRIMARY KEY,
     env             text NOT NULL,
     vcenter_user    text NOT NULL,
     vm              text NOT NULL,
     clone_operation text NOT NULL REFERENCES operations (id),
     state           text NOT NULL CHECK (state IN ('pending', 'succeeded', 'failed', 'unknown')),
     already_gone    integer NOT NULL DEFAULT 0,
     error           text,
     settled_by      text,
     started_at      bigint NOT NULL,
     ended_at        bigint,
     duration_ms     bigint,
     owner           text
   );
   -- At most one deletion of a clone under way or done; a failed one may be tried again.
   CREATE UNIQUE INDEX deletions_one_live ON deletions (clone_operation)
     WHERE state IN ('pending', 'unknown', 'succeeded');
   CREATE INDEX deletions_clone ON deletions (clone_operation, started_at DESC);
   CREATE INDEX deletions_unknown ON deletions (env, vcenter_user) WHERE state = 'unknown';
   CREATE INDEX deletions_pending ON deletions (owner) WHERE state = 'pending';`,
];
