import type { IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";

import { serveControl } from "./control";
import { defaultFaultBody, internalError } from "./fault-answers";
import type { Fault } from "./faults";
import type { HttpAnswer, RawCall } from "./flavour";
import { operationOf, serveCall } from "./serve";
import type { SimulatorState } from "./state";

const MAX_BODY = 4 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function send(
  res: ServerResponse,
  status: number,
  body?: unknown,
  headers: Record<string, string> = {},
): void {
  const text = body === undefined ? "" : JSON.stringify(body);
  res.writeHead(status, {
    ...(body === undefined ? {} : { "content-type": "application/json" }),
    "content-length": String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

type Log = (line: string) => void;

/** The request handler: control endpoints, then faults, then the simulated vCenter. */
export function requestHandler(sim: SimulatorState, log?: Log) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    handle(sim, req, res, log).catch((err: unknown) => {
      console.error("simulator: request failed", err);
      if (!res.headersSent) send(res, 500, internalError(req.url ?? "/"));
    });
  };
}

async function handle(
  sim: SimulatorState,
  req: IncomingMessage,
  res: ServerResponse,
  log?: Log,
): Promise<void> {
  const started = performance.now();
  // Prefixed rather than resolved, so that a path like "//x" stays a path.
  const url = new URL(`http://simulator${req.url ?? "/"}`);
  const method = req.method ?? "GET";
  const rawBody = await readBody(req);
  if (url.pathname.startsWith("/__sim/")) {
    const answer = serveControl(sim, method, url.pathname, url.searchParams, rawBody);
    return send(res, answer.status, answer.body);
  }
  const call: RawCall = {
    method,
    path: url.pathname,
    query: url.searchParams,
    headers: req.headers,
    rawBody,
  };
  const fault = sim.faults.take(method, url.pathname + url.search);
  if (fault?.kind === "latency") await sleep(fault.ms);
  // `after` lets the operation happen (the clone exists) before the fault spoils the answer.
  const performed =
    !fault || fault.kind === "latency" || fault.after ? serveCall(sim, call) : undefined;
  const answer = fault?.kind === "error" ? faultAnswer(sim, call, fault, performed) : performed;
  const failing = fault && (fault.kind === "drop" || fault.kind === "hang");
  sim.calls.record({
    method,
    path: url.pathname,
    query: url.search.slice(1),
    operation: answer?.operation ?? operationOf(sim, call),
    status: failing || !answer ? null : answer.status,
    ...(fault ? { fault: fault.kind } : {}),
    ...(answer?.user ? { user: answer.user } : {}),
  });
  log?.(
    `${method} ${url.pathname}${url.search} ${failing ? fault.kind : answer?.status} ${Math.round(performance.now() - started)}ms`,
  );
  const items = answer?.status === 200 ? listLength(answer.body) : 0;
  if (items > 0 && sim.listCostMsPerItem > 0 && !failing)
    await sleep(items * sim.listCostMsPerItem);
  if (fault?.kind === "drop") req.socket.destroy();
  else if (fault?.kind === "hang")
    return; // left open until the client gives up or the simulator closes
  else if (answer) send(res, answer.status, answer.body, answer.headers);
}

/** Items in a list answer, /api (an array) or /rest ({"value": [...]}). */
function listLength(body: unknown): number {
  if (Array.isArray(body)) return body.length;
  const value = (body as { value?: unknown } | null)?.value;
  return Array.isArray(value) ? value.length : 0;
}

function faultAnswer(
  sim: SimulatorState,
  call: RawCall,
  fault: Fault,
  performed?: HttpAnswer,
): HttpAnswer {
  return {
    status: fault.status,
    body: fault.body === undefined ? defaultFaultBody(fault.status, call.path) : fault.body,
    operation: performed?.operation ?? operationOf(sim, call),
    ...(performed?.user ? { user: performed.user } : {}),
  };
}
