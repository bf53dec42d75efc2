import { spawn } from "node:child_process";
import path from "node:path";

// The "history" section (issue 14): the p95 of a history read with 100,000 operations recorded,
// on SQLite and on PostgreSQL (the local server; skipped when there is none). The stores are
// server-only modules, so the work runs in a tsx process with the react-server condition.
export function historyBench(): Promise<void> {
  const script = path.resolve(import.meta.dirname, "history-reads.ts");
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["tsx", "--conditions=react-server", script], {
      stdio: "inherit",
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`history bench exited with ${code}`)),
    );
  });
}
