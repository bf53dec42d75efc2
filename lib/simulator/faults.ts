// Faults on demand for tests: slow answers, forced errors, dropped connections and hangs on
// the calls that match, for a number of calls or until cleared. The answer-spoiling kinds model
// what reaches the console when a proxy or a struggling vCenter sits in between:
// - truncate: the status line and headers, part of the body, then the connection closes;
// - trickle: the whole answer, its body spread over `ms` (past the console's timeout if longer);
// - late: no answer at all, and the operation is performed `ms` after the call arrived
//   (a clone that completes after the console gave up);
// - huge: a 200 whose JSON body is `bytes` long, streamed.

export const FAULT_KINDS = [
  "latency",
  "error",
  "drop",
  "hang",
  "truncate",
  "trickle",
  "late",
  "huge",
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface Fault {
  id: string;
  match: { method?: string; path?: string };
  kind: FaultKind;
  ms: number;
  /** The status to answer; 0 keeps the real answer's (kinds other than error). */
  status: number;
  body?: unknown;
  /** With a string body: sent as is with this content type (an HTML page), not as JSON. */
  content_type?: string;
  /** For `huge`: the size of the body. */
  bytes: number;
  /** Calls left to hit; null means until cleared (times: 0). */
  remaining: number | null;
  /** Perform the operation first (the clone exists), then drop, hang or answer the error. */
  after: boolean;
  hits: number;
}

/** A /__sim/ request the simulator cannot act on; answered with 400 and the message. */
export class ControlRequestError extends Error {}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function optional<T>(spec: Record<string, unknown>, key: string, type: string): T | undefined {
  const value = spec[key];
  if (value === undefined) return undefined;
  if (typeof value !== type) throw new ControlRequestError(`${key} must be a ${type}`);
  return value as T;
}

export function parseFault(spec: unknown, id: string): Fault {
  if (!isRecord(spec)) throw new ControlRequestError("the body must be a JSON object");
  const kind = spec.kind;
  if (typeof kind !== "string" || !(FAULT_KINDS as readonly string[]).includes(kind))
    throw new ControlRequestError(`kind must be one of ${FAULT_KINDS.join(", ")}`);
  const match = spec.match ?? {};
  if (!isRecord(match)) throw new ControlRequestError("match must be an object");
  const method = optional<string>(match, "method", "string");
  const path = optional<string>(match, "path", "string");
  const times = optional<number>(spec, "times", "number") ?? 1;
  if (!Number.isInteger(times) || times < 0)
    throw new ControlRequestError("times must be a whole number, 0 for until cleared");
  // An error defaults to 503; the kinds that spoil a real answer keep its status unless given.
  const status = optional<number>(spec, "status", "number") ?? (kind === "error" ? 503 : 0);
  const contentType = optional<string>(spec, "content_type", "string");
  const bytes = optional<number>(spec, "bytes", "number") ?? 16 * 1024 * 1024;
  if (!Number.isInteger(bytes) || bytes < 2)
    throw new ControlRequestError("bytes must be 2 or more");
  if (!Number.isInteger(status) || (status !== 0 && (status < 100 || status > 599)))
    throw new ControlRequestError("status must be an HTTP status");
  const ms = optional<number>(spec, "ms", "number") ?? 1000;
  if (ms < 0) throw new ControlRequestError("ms must not be negative");
  return {
    id,
    match: { ...(method ? { method: method.toUpperCase() } : {}), ...(path ? { path } : {}) },
    kind: kind as FaultKind,
    ms,
    status,
    ...(spec.body !== undefined ? { body: spec.body } : {}),
    ...(contentType ? { content_type: contentType } : {}),
    bytes,
    remaining: times === 0 ? null : times,
    after: optional<boolean>(spec, "after", "boolean") ?? false,
    hits: 0,
  };
}

export class FaultStore {
  private faults: Fault[] = [];
  private nextId = 1;

  add(spec: unknown): Fault {
    const fault = parseFault(spec, `fault-${this.nextId++}`);
    this.faults.push(fault);
    return fault;
  }

  list(): readonly Fault[] {
    return this.faults;
  }

  clear(): void {
    this.faults = [];
  }

  /** The first fault matching the call, used up by one; `url` is the path with its query. */
  take(method: string, url: string): Fault | undefined {
    const fault = this.faults.find(
      (f) =>
        (!f.match.method || f.match.method === method) &&
        (!f.match.path || url.startsWith(f.match.path)),
    );
    if (!fault) return undefined;
    fault.hits++;
    if (fault.remaining !== null && --fault.remaining === 0)
      this.faults = this.faults.filter((f) => f !== fault);
    return fault;
  }
}
