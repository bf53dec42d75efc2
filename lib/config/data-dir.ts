import "server-only";

import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export function dataDir(): string {
  const dir = path.resolve(/*turbopackIgnore: true*/ process.env.CONSOLE_DATA_DIR ?? ".data");
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

let secret: string | undefined;

/** CONSOLE_SECRET, or one generated on first start and kept (0600) in the data folder. */
export function consoleSecret(): string {
  if (secret) return secret;
  const fromEnv = process.env.CONSOLE_SECRET;
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error("CONSOLE_SECRET must be at least 32 characters");
    return (secret = fromEnv);
  }
  const file = path.join(dataDir(), "secret");
  if (!existsSync(file))
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  return (secret = readFileSync(file, "utf8").trim());
}
