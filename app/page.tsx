import { connection } from "next/server";

import { listEnvironments } from "@/lib/config/environments";
import { EnvironmentList } from "@/components/environment/environment-list";

export default async function HomePage() {
  // The environments file is read at request time, not frozen into the build.
  await connection();
  const environments = listEnvironments();
  return (
    <main className="mx-auto max-w-5xl space-y-6 px-4 py-10">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">Instant Clone Console</h1>
        <p className="text-fg-muted">
          Choose a vCenter environment. Bookmark its page to come back to it.
        </p>
      </div>
      <EnvironmentList environments={environments} />
    </main>
  );
}
