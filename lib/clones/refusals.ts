import "server-only";

import { NetworkError, VcenterError } from "@/lib/vcenter/errors";

/**
 * vCenter's error types that it raises while checking a request, before it acts on it
 * (shared/vsphere-api/FACTS.md §3): with one of these in its JSON error body, the clone was
 * not made. Every other answer (5xx without such a body, SERVICE_UNAVAILABLE, TIMED_OUT,
 * ERROR, INTERNAL_SERVER_ERROR, RESOURCE_BUSY, UNABLE_TO_ALLOCATE_RESOURCE, CANCELED, an HTML
 * page, a wrong shape, a cut or late body) leaves the outcome unknown: vCenter may have acted.
 */
export const REFUSED_BEFORE_ACTING: ReadonlySet<string> = new Set([
  "INVALID_ARGUMENT",
  "INVALID_REQUEST",
  "INVALID_ELEMENT_TYPE",
  "INVALID_ELEMENT_CONFIGURATION",
  "UNEXPECTED_INPUT",
  "OPERATION_NOT_FOUND",
  "ALREADY_EXISTS",
  "NOT_FOUND",
  "UNAUTHENTICATED",
  "UNAUTHORIZED",
  "NOT_ALLOWED_IN_CURRENT_STATE",
  "UNSUPPORTED",
  "RESOURCE_INACCESSIBLE",
]);

/** True when the clone surely was not made: a refusal before acting, or a request never sent. */
export function refusedBeforeActing(err: unknown): boolean {
  if (err instanceof NetworkError) return !err.maybeDelivered;
  if (!(err instanceof VcenterError)) return false;
  if (err.errorType) return REFUSED_BEFORE_ACTING.has(err.errorType);
  // The /rest router's own 404 (no such operation on this vCenter) is a refusal too.
  return err.status === 404 && "name" in err.body && /httpNotFound/.test(String(err.body.name));
}
