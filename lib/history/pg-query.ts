import type pg from "pg";

/** A query on the history's PostgreSQL tables, run once they exist (PgOperationStore). */
export type Query = <R extends pg.QueryResultRow>(
  sql: string,
  params?: unknown[],
) => Promise<pg.QueryResult<R>>;
