import "server-only";

// Lets another part of the console (metrics) see every vCenter call without lib/vcenter
// importing it. Observers get the environment id and a route template, never a raw path:
// ids in paths (vm-1005, NIC keys) and query values stay here.

export interface VcenterCallObservation {
  env: string;
  method: string;
  /** e.g. "/api/vcenter/vm/{id}" or "/api/vcenter/vm?action=instant-clone" */
  route: string;
  /** vCenter's status, or 0 when no answer came (timeout, refused, dropped). */
  status: number;
  seconds: number;
}

type Observer = (call: VcenterCallObservation) => void;

// On globalThis: Next.js bundles a copy of this module per route and for instrumentation.
const observers = ((
  globalThis as { __iccVcenterObservers?: Set<Observer> }
).__iccVcenterObservers ??= new Set());

export function observeVcenterCalls(observer: Observer): () => void {
  observers.add(observer);
  return () => observers.delete(observer);
}

export function notifyVcenterCall(
  env: string,
  method: string,
  path: string,
  status: number,
  ms: number,
): void {
  if (observers.size === 0) return;
  const call = { env, method, route: routeTemplate(path), status, seconds: ms / 1000 };
  for (const observer of observers) {
    try {
      observer(call);
    } catch {
      // An observer's failure never fails a vCenter call.
    }
  }
}

/** The path with every segment that holds a digit or anything but letters, _ and - as {id}. */
export function routeTemplate(path: string): string {
  const [pathname, search = ""] = path.split("?", 2);
  const segments = pathname
    .split("/")
    .map((s) => (s === "" || /^[a-z][a-z_-]*$/i.test(s) ? s : "{id}"));
  const action = new URLSearchParams(search).get("action");
  return segments.join("/") + (action && /^[a-z-]{1,40}$/.test(action) ? `?action=${action}` : "");
}
