import type { IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";

import { serveControl } from "./control";
import { defaultFaultBody, internalError } from "./fault-answers";
import type { Fault } from "./faults";
import type { HttpAnswer, RawCall } from "./flavour";
import { operationOf, serveCall } from "./serve";
import { sendHuge, sendTrickled, sendTruncated, type WireAnswer } from "./spoiled-answers";
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

/**
 * The request handler: control endpoints (unless `control` is off: then /__sim/ is a path this
 * vCenter does not have), then faults, then the simulated vCenter.
 */
export function requestHandler(sim: SimulatorState, log?: Log, control = true) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    handle(sim, req, res, log, control).catch((err: unknown) => {
      console.error("simulator: request failed", err);
      if (!res.headersSent) send(res, 500, internalError(req.url ?? "/"));
    });
  };
}

async function handle(
  sim: SimulatorState,
  req: IncomingMessage,
  res: ServerResponse,
  log: Log | undefined,
  control: boolean,
): Promise<void> {
  const started = performance.now();
  // Prefixed rather than resolved, so that a path like "//x" stays a path.
  const url = new URL(`http://simulator${req.url ?? "/"}`);
  const method = req.method ?? "GET";
  const rawBody = await readBody(req);
  if (control && url.pathname.startsWith("/__sim/")) {
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
  // `after` lets the operation happen (the clone exists) before the fault spoils the answer;
  // truncate, trickle and huge spoil a real answer, so the operation runs for them too.
  const performs =
    !fault ||
    fault.after ||
    fault.kind === "latency" ||
    fault.kind === "truncate" ||
    fault.kind === "trickle";
  const performed = performs ? await performTimed(sim, call) : undefined;
  // `late`: the call is never answered, and the operation happens `ms` after it arrived.
  if (fault?.kind === "late") setTimeout(() => serveCall(sim, call), fault.ms).unref();
  const answer = fault?.kind === "error" ? faultAnswer(sim, call, fault, performed) : performed;
  const failing =
    fault && (fault.kind === "drop" || fault.kind === "hang" || fault.kind === "late");
  sim.calls.record({
    method,
    path: url.pathname,
    query: url.search.slice(1),
    operation: answer?.operation ?? operationOf(sim, call),
    status: failing || !answer ? null : fault?.status || answer.status,
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
  else if (fault?.kind === "hang" || fault?.kind === "late")
    return; // left open until the client gives up or the simulator closes
  else if (fault?.kind === "huge") await sendHuge(res, fault.bytes);
  else if (fault?.kind === "truncate") sendTruncated(res, wireAnswer(fault, answer));
  else if (fault?.kind === "trickle") await sendTrickled(res, wireAnswer(fault, answer), fault.ms);
  else if (fault?.kind === "error" && typeof fault.body === "string" && fault.content_type)
    sendRaw(res, wireAnswer(fault, answer));
  else if (answer) send(res, answer.status, answer.body, answer.headers);
}

// An instant clone waits for a slot on its source's host and takes its time; other calls do not.
function performTimed(sim: SimulatorState, call: RawCall): HttpAnswer | Promise<HttpAnswer> {
  if (sim.clones.cloneMs <= 0 || operationOf(sim, call) !== "vcenter.vm.instant_clone")
    return serveCall(sim, call);
  return sim.clones.run(cloneHost(sim, call.rawBody), () => serveCall(sim, call));
}

function cloneHost(sim: SimulatorState, rawBody: string): string {
  try {
    const body = JSON.parse(rawBody) as { source?: unknown; spec?: { source?: unknown } };
    const source = body.source ?? body.spec?.source;
    return (typeof source === "string" && sim.inventory.vms.get(source)?.host) || "";
  } catch {
    return "";
  }
}

// The fault's own status and body where it gives them, else the real answer's.
function wireAnswer(fault: Fault, answer: HttpAnswer | undefined): WireAnswer {
  const body = fault.body ?? answer?.body;
  const raw = typeof fault.body === "string" && fault.content_type;
  return {
    status: fault.status || answer?.status || 200,
    text: raw ? (fault.body as string) : body === undefined ? "" : JSON.stringify(body),
    contentType: raw ? fault.content_type! : "application/json",
  };
}

function sendRaw(res: ServerResponse, answer: WireAnswer): void {
  res.writeHead(answer.status, {
    "content-type": answer.contentType,
    "content-length": String(Buffer.byteLength(answer.text)),
  });
  res.end(answer.text);
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
