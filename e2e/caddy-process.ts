import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// Caddy with the repository's own deploy/Caddyfile (the proxy of compose.yaml), in front of
// consoles on loopback ports, for the specs that check the console behind a TLS proxy.

const root = path.resolve(__dirname, "..");

/** The caddy binary, or undefined where it is not installed (.ci/run installs it). */
export function caddyBinary(): string | undefined {
  const found = spawnSync("sh", ["-c", "command -v caddy"], { encoding: "utf8" });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

export interface CaddyProcess {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

export async function startCaddy(port: number, upstreams: number[]): Promise<CaddyProcess> {
  const caddy = caddyBinary();
  if (!caddy) throw new Error("caddy is not installed");
  // Caddy keeps its internal CA and certificates here, not in the user's home.
  const home = mkdtempSync(path.join(tmpdir(), "icc-caddy-"));
  const child: ChildProcess = spawn(
    caddy,
    ["run", "--config", path.join(root, "deploy/Caddyfile"), "--adapter", "caddyfile"],
    {
      cwd: home,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        NODE_ENV: "production",
        PATH: process.env.PATH,
        HOME: home,
        XDG_DATA_HOME: home,
        XDG_CONFIG_HOME: home,
        CONSOLE_SITE: `localhost:${port}`,
        CONSOLE_UPSTREAMS: upstreams.map((p) => `127.0.0.1:${p}`).join(" "),
      },
    },
  );
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  process.on("exit", () => child.kill("SIGKILL"));
  return {
    url: `https://localhost:${port}`,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      await exited;
    },
  };
}
