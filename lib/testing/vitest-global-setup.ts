// Vitest's global set-up: names the run before any worker starts (workers inherit the
// environment), and drops the run's PostgreSQL databases when it ends, passed or failed.
import { dropRunDatabases, testRun } from "./pg-test-database";

export default function setup(): () => Promise<void> {
  const run = testRun();
  return async () => {
    await dropRunDatabases(run);
  };
}
