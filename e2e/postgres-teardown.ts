import { dropRunDatabases } from "../lib/testing/pg-test-database";

// Drops every database this run made (the config's and each console home's), passed or failed.
export default async function teardown(): Promise<void> {
  await dropRunDatabases();
}
