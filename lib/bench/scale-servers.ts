import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// The scale section's servers: a simulator of many VMs (its start-up timed) and a console with
// its inspector on, so its heap can be read after a full GC.

const root = path.resolve(import.meta.dirname, "../..");
const nextBin = path.join(root, "node_modules/next/dist/bin/next");
const tsxBin = path.join(root, "node_modules/tsx/dist/cli.mjs");

export interface ScaleServer {
  url: string;
  /** Milliseconds from spawning to the first answer. */
  startMs: number;
  /** The inspector's WebSocket address (console only). */
  inspector?: string;
  stop(): void;
}

async function waitFor(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited (${child.exitCode})`);
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  child.kill("SIGKILL");
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

async function free(url: string): Promise<void> {
  const taken = await fetch(url).then(
    () => true,
    () => false,
  );
  if (taken) throw new Error(`${url} already answers: stop what runs there first`);
}

export async function startBigSimulator(port: number, vms: number): Promise<ScaleServer> {
  const url = `http://127.0.0.1:${port}`;
  await free(`${url}/__sim/health`);
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [tsxBin, "lib/simulator/cli.ts", "--port", String(port), "--vms", String(vms), "--quiet"],
    { cwd: root, stdio: ["ignore", "ignore", "inherit"] },
  );
  await waitFor(`${url}/__sim/health`, child, 60_000);
  return { url, startMs: performance.now() - started, stop: () => child.kill("SIGTERM") };
}

/**
 * `next start` on the production build, inspector on, with the environments "scale" (the
 * given vCenter) and "small" (a 40-VM simulator the console starts itself).
 */
export async function startInspectedConsole(
  port: number,
  vcenterUrl: string,
): Promise<ScaleServer> {
  const dir = mkdtempSync(path.join(tmpdir(), "icc-scale-"));
  const envFile = path.join(dir, "environments.json");
  writeFileSync(
    envFile,
    JSON.stringify([
      { id: "scale", label: "Scale", url: vcenterUrl },
      { id: "small", label: "Small", simulator: { vms: 40 } },
    ]),
  );
  const url = `http://127.0.0.1:${port}`;
  await free(`${url}/api/health`);
  const started = performance.now();
  const child = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    stdio: ["ignore", "ignore", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NODE_OPTIONS: "--inspect=127.0.0.1:0",
      CONSOLE_ENVIRONMENTS: envFile,
      CONSOLE_DATA_DIR: path.join(dir, "data"),
      CONSOLE_LOG: "off",
    },
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  await waitFor(`${url}/api/health`, child, 60_000);
  const inspector = /Debugger listening on (ws:\/\/\S+)/.exec(stderr)?.[1];
  if (!inspector) throw new Error(`the console printed no inspector address:\n${stderr}`);
  return {
    url,
    startMs: performance.now() - started,
    inspector,
    stop: () => child.kill("SIGTERM"),
  };
}
