import "server-only";

import { createWriteStream, type WriteStream } from "node:fs";

// One JSON line per console request and per upstream call, on stdout. Callers pass only
// what is safe to print: never a password, token, cookie or Authorization header.
// `error`: an unexpected failure, with its stack; `clone`: a submission whose outcome is not a
// success (its cause); `settle`: an open outcome settled in the background.
export type LogLine =
  | {
      kind: "request" | "upstream";
      request_id: string;
      env?: string;
      user?: string;
      method: string;
      path: string;
      status: number;
      ms: number;
      error?: string;
    }
  | {
      kind: "error" | "clone" | "settle";
      request_id: string;
      env?: string;
      user?: string;
      operation?: string;
      outcome?: string;
      vm?: string;
      status?: number;
      cause?: string;
      error?: string;
    };

const quiet = () => process.env.CONSOLE_LOG === "off";

// CONSOLE_LOG_FILE keeps a copy of the lines (the test suite scans it for secrets).
let copy: WriteStream | undefined;
const copyStream = () =>
  (copy ??= process.env.CONSOLE_LOG_FILE
    ? createWriteStream(process.env.CONSOLE_LOG_FILE, { flags: "a" })
    : undefined);

export function logLine(line: LogLine): void {
  const text = `${JSON.stringify({ time: new Date().toISOString(), ...line })}\n`;
  copyStream()?.write(text);
  if (!quiet()) process.stdout.write(text);
}
