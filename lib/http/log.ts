import "server-only";

// One JSON line per console request and per upstream call, on stdout. Callers pass only
// what is safe to print: never a password, token, cookie or Authorization header.
export interface LogLine {
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

const quiet = () => process.env.CONSOLE_LOG === "off";

export function logLine(line: LogLine): void {
  if (quiet()) return;
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...line })}\n`);
}
