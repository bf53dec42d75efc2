import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import type { APIRequestContext, APIResponse } from "@playwright/test";

import { homeDatabase } from "./postgres";
import { PASSWORD, USERS } from "./users";

// An extra console (`next start` on the production build) with its own environments file, data
// folder and log file, for the specs that restart it, kill it or read everything it wrote.
// The shared console on 13000 cannot be restarted or killed without disturbing other specs.

const root = path.resolve(__dirname, "..");
// Spawned with node itself, not npx: npx would be the pid, and a SIGKILL to it would leave
// the server running.
const nextBin = path.join(root, "node_modules/next/dist/bin/next");
const standaloneBuild = path.join(root, ".next/standalone");
let standaloneCopy: string | undefined;

/**
 * Lays the standalone build out as the Dockerfile does, in a folder outside the checkout (so
 * nothing resolves from the checkout's node_modules): server.js and the files Next.js traced,
 * then the static files and public/, which the standalone output leaves out. Returns server.js.
 */
export function prepareStandalone(): string {
  if (standaloneCopy) return path.join(standaloneCopy, "server.js");
  if (!existsSync(path.join(standaloneBuild, "server.js")))
    throw new Error(`${standaloneBuild}/server.js is missing: run \`npm run build\` first`);
  const dir = mkdtempSync(path.join(tmpdir(), "icc-standalone-"));
  cpSync(standaloneBuild, dir, { recursive: true });
  cpSync(path.join(root, ".next/static"), path.join(dir, ".next/static"), { recursive: true });
  cpSync(path.join(root, "public"), path.join(dir, "public"), { recursive: true });
  standaloneCopy = dir;
  process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
  return path.join(dir, "server.js");
}

export const TEST_CONSOLE_SECRET = "console-process-secret-console-process-secret";

/** Where one console keeps its files; a restart reuses it, so the history survives. */
export interface ConsoleHome {
  dir: string;
  environmentsFile: string;
  dataDir: string;
  logFile: string;
  historyFile: string;
  /** On PostgreSQL runs: this home's database, made at its first start and kept across restarts. */
  databaseUrl?: string;
}

export function consoleHome(environments: unknown[]): ConsoleHome {
  const dir = mkdtempSync(path.join(tmpdir(), "icc-console-"));
  const environmentsFile = path.join(dir, "environments.json");
  writeFileSync(environmentsFile, JSON.stringify(environments, null, 2));
  const dataDir = path.join(dir, "data");
  return {
    dir,
    environmentsFile,
    dataDir,
    logFile: path.join(dir, "console.log"),
    historyFile: path.join(dataDir, "history.sqlite"),
  };
}

export interface ConsoleProcess {
  url: string;
  pid: number;
  home: ConsoleHome;
  /** Everything the server wrote on stdout and stderr so far. */
  output(): string;
  /** Logs a fresh API context into `env` (no Origin header: a script, as curl would be). */
  login(
    request: { newContext(o: { baseURL: string }): Promise<APIRequestContext> },
    env: string,
    user?: string,
  ): Promise<{ api: APIRequestContext; res: APIResponse }>;
  /** Sends `signal` (SIGTERM by default, SIGKILL for a crash) and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Sends `signal` and returns at once. */
  signal(signal: NodeJS.Signals): void;
  /** How the process ended, once it has. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

// A worker that ends abruptly must not leave servers behind on the test ports.
const running = new Set<ChildProcess>();
process.on("exit", () => running.forEach((child) => child.kill("SIGKILL")));

/**
 * Starts a console on `port`: `next start` on the build, or with `standalone` the image's
 * `node .next/standalone/server.js` (see prepareStandalone). Both hand SIGTERM to the console
 * (NEXT_MANUAL_SIG_HANDLE, as `npm start` and the image set it).
 */
export async function startConsole(
  home: ConsoleHome,
  port: number,
  env: Record<string, string> = {},
  options: { standalone?: boolean } = {},
): Promise<ConsoleProcess> {
  const url = `http://127.0.0.1:${port}`;
  // A server left over on this port would answer the health check in our place.
  if (await healthy(url)) throw new Error(`${url} is already taken by another server`);
  const server = options.standalone ? prepareStandalone() : undefined;
  home.databaseUrl ??= await homeDatabase("console");
  const args = server ? [server] : [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"];
  const child = spawn(process.execPath, args, {
    cwd: server ? path.dirname(server) : root,
    detached: false,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_MANUAL_SIG_HANDLE: "true",
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      CONSOLE_ENVIRONMENTS: home.environmentsFile,
      CONSOLE_DATA_DIR: home.dataDir,
      CONSOLE_SECRET: TEST_CONSOLE_SECRET,
      CONSOLE_LOG_FILE: home.logFile,
      ...(home.databaseUrl ? { CONSOLE_DATABASE_URL: home.databaseUrl } : {}),
      ...env,
    },
  });
  running.add(child);
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    }),
  );

  const deadline = Date.now() + 60_000;
  while (!(await healthy(url))) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`the console on ${url} exited at start:\n${output}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the console on ${url} did not answer /api/health within 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }

  return {
    url,
    pid: child.pid!,
    home,
    output: () => output,
    async login(request, envId, user = USERS.admin) {
      const api = await request.newContext({ baseURL: url });
      const res = await api.post(`/api/environments/${envId}/session`, {
        data: { username: user, password: PASSWORD },
      });
      return { api, res };
    },
    exited,
    signal: (signal) => void child.kill(signal),
    async stop(signal = "SIGTERM") {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

async function healthy(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/api/health`)).ok;
  } catch {
    return false;
  }
}
