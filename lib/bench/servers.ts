import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

export interface Started {
  url: string;
  /** The process group (the spawned child leads it). */
  pgid: number;
  stop(): void;
}

/** Starts a process and waits until `readyUrl` answers. */
async function startProcess(
  cmd: string,
  args: string[],
  env: Record<string, string>,
  readyUrl: string,
): Promise<ChildProcess> {
  const stale = await fetch(readyUrl).then(
    () => true,
    () => false,
  );
  if (stale) throw new Error(`${readyUrl} already answers: stop what runs there first`);
  // Its own process group, so stopping it also stops what npx started under it.
  const child = spawn(cmd, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`${cmd} ${args.join(" ")} exited with ${child.exitCode}`);
    try {
      await fetch(readyUrl);
      return child;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  stopGroup(child);
  throw new Error(`${readyUrl} did not answer within 60 s`);
}

export async function startSimulatorProcess(port: number, vms = 40): Promise<Started> {
  const url = `http://127.0.0.1:${port}`;
  const child = await startProcess(
    "npx",
    // No cost per listed item: this section measures the console's own cost per request.
    [
      "tsx",
      "lib/simulator/cli.ts",
      "--port",
      String(port),
      "--vms",
      String(vms),
      "--list-cost-ms",
      "0",
    ],
    {},
    `${url}/api/session`,
  );
  return { url, pgid: child.pid!, stop: () => stopGroup(child) };
}

/** `next start` (a production build must exist) with one environment pointing at `vcenterUrl`. */
export async function startConsoleProcess(
  port: number,
  vcenterUrl: string,
  env: Record<string, string> = {},
): Promise<Started> {
  const dir = mkdtempSync(path.join(tmpdir(), "icc-bench-"));
  const envFile = path.join(dir, "environments.json");
  writeFileSync(envFile, JSON.stringify([{ id: "bench", label: "Bench", url: vcenterUrl }]));
  const url = `http://127.0.0.1:${port}`;
  const child = await startProcess(
    "npx",
    ["next", "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      CONSOLE_ENVIRONMENTS: envFile,
      CONSOLE_DATA_DIR: path.join(dir, "data"),
      NODE_ENV: "production",
      ...env,
    },
    `${url}/api/health`,
  );
  return { url, pgid: child.pid!, stop: () => stopGroup(child) };
}

function stopGroup(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, "SIGTERM");
  } catch {
    // already gone
  }
}
