import "server-only";

import {
  type VcenterErrorBody,
  vcenterApiErrorBodySchema,
  vcenterErrorDetails,
  vcenterRestErrorBodySchema,
  vcenterRouterErrorBodySchema,
} from "@/lib/schemas/api-error";

/** vCenter answered with an error: its status and its body, unchanged. */
export class VcenterError extends Error {
  readonly errorType?: string;
  constructor(
    readonly status: number,
    readonly body: VcenterErrorBody,
    /** A message for a person where vCenter's own top message would mislead. */
    message?: string,
  ) {
    const details = vcenterErrorDetails(body);
    super(message ?? details.messages[0]?.default_message ?? `vCenter answered HTTP ${status}`);
    this.errorType = details.errorType;
  }
}

/** vCenter could not be reached, refused our TLS, or did not answer in time. */
export class NetworkError extends Error {
  constructor(
    readonly status: 502 | 504,
    message: string,
    readonly causeCode: string,
    /** True when the request may have reached vCenter (it was sent, no answer came back). */
    readonly maybeDelivered: boolean,
  ) {
    super(message);
  }
}

const MAX_RAW_LENGTH = 2000;

/** Turns a failed response body into vCenter's error body; non-JSON text is kept as `raw`. */
export function parseErrorBody(text: string, contentType: string | undefined): VcenterErrorBody {
  if (contentType?.includes("json") || /^\s*[{[]/.test(text)) {
    try {
      const json: unknown = JSON.parse(text);
      const api = vcenterApiErrorBodySchema.safeParse(json);
      if (api.success) return json as VcenterErrorBody;
      const rest = vcenterRestErrorBodySchema.safeParse(json);
      if (rest.success) return json as VcenterErrorBody;
      if (vcenterRouterErrorBodySchema.safeParse(json).success) return json as VcenterErrorBody;
      if (typeof json === "string") return { raw: readableText(json) };
    } catch {
      // Not JSON after all: fall through and keep the text.
    }
  }
  return { raw: readableText(text) };
}

// A proxy's HTML error page is unreadable in a message stack: keep its text only.
function readableText(text: string): string {
  const stripped = text
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return (stripped || "(empty body)").slice(0, MAX_RAW_LENGTH);
}

const TLS_CODES = new Set([
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "UNABLE_TO_GET_ISSUER_CERT",
  "CERT_HAS_EXPIRED",
  "ERR_TLS_CERT_ALTNAME_INVALID",
  "CERT_UNTRUSTED",
]);

/** Maps a transport failure to a NetworkError whose message says what a person can do. */
export function toNetworkError(err: unknown, timeoutMs: number, sent: boolean): NetworkError {
  const code = errorCode(err);
  if (
    code === "TimeoutError" ||
    code === "UND_ERR_HEADERS_TIMEOUT" ||
    code === "UND_ERR_BODY_TIMEOUT"
  )
    return new NetworkError(
      504,
      `vCenter did not answer within ${Math.round(timeoutMs / 1000)} s`,
      "ETIMEDOUT",
      true,
    );
  if (TLS_CODES.has(code))
    return new NetworkError(
      502,
      `vCenter's certificate was refused (${code}): set caFile for this environment to the CA that signed it`,
      code,
      false,
    );
  if (
    code === "ECONNREFUSED" ||
    code === "ENOTFOUND" ||
    code === "EAI_AGAIN" ||
    code === "EHOSTUNREACH"
  )
    return new NetworkError(502, `vCenter could not be reached (${code})`, code, false);
  return new NetworkError(502, `The connection to vCenter failed (${code})`, code, sent);
}

function errorCode(err: unknown): string {
  let current: unknown = err;
  for (let depth = 0; current && depth < 5; depth++) {
    const e = current as { code?: unknown; name?: unknown; cause?: unknown };
    if (typeof e.code === "string" && e.code !== "UND_ERR_SOCKET" && e.code !== "UND_ERR_CONNECT")
      return e.code;
    if (e.name === "TimeoutError") return "TimeoutError";
    if (!e.cause && typeof e.code === "string") return e.code;
    current = e.cause;
  }
  return "ECONNRESET";
}
