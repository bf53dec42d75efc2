import { type Dispatcher, request } from "undici";

import { ms, summarize } from "./stats";

export interface Call {
  method: "GET" | "POST";
  url: string;
  headers: Record<string, string>;
  body?: () => unknown;
  expect: number;
}

/** Sends calls one after another (no concurrency, so each time is one request's own cost). */
export async function timeCalls(
  call: Call,
  count: number,
  dispatcher?: Dispatcher,
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const body = call.body ? JSON.stringify(call.body()) : undefined;
    const started = performance.now();
    const res = await request(call.url, {
      method: call.method,
      headers: body ? { ...call.headers, "content-type": "application/json" } : call.headers,
      body,
      dispatcher,
    });
    const text = await res.body.text();
    times.push(performance.now() - started);
    if (res.statusCode !== call.expect)
      throw new Error(
        `${call.method} ${call.url}: expected ${call.expect}, got ${res.statusCode} ${text.slice(0, 300)}`,
      );
  }
  return times;
}

export function report(label: string, direct: number[], viaConsole: number[]): void {
  const d = summarize(direct);
  const c = summarize(viaConsole);
  console.log(
    [
      `${label.padEnd(14)} direct median ${ms(d.median)} p95 ${ms(d.p95)}`,
      `console median ${ms(c.median)} p95 ${ms(c.p95)}`,
      `added median ${ms(c.median - d.median)}`,
      `ratio ${(c.median / d.median).toFixed(2)}x (n=${c.n})`,
    ].join(" | "),
  );
}
