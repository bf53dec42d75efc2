// vCenter's standard errors: an error_type, a message stack (first the failure, then each
// cause) and the HTTP status each flavour gives it (FACTS.md §3).

export const ERROR_TYPES = [
  "ERROR",
  "ALREADY_EXISTS",
  "ALREADY_IN_DESIRED_STATE",
  "CANCELED",
  "CONCURRENT_CHANGE",
  "FEATURE_IN_USE",
  "INTERNAL_SERVER_ERROR",
  "INVALID_ARGUMENT",
  "INVALID_ELEMENT_CONFIGURATION",
  "INVALID_ELEMENT_TYPE",
  "INVALID_REQUEST",
  "NOT_ALLOWED_IN_CURRENT_STATE",
  "NOT_FOUND",
  "OPERATION_NOT_FOUND",
  "RESOURCE_BUSY",
  "RESOURCE_IN_USE",
  "RESOURCE_INACCESSIBLE",
  "SERVICE_UNAVAILABLE",
  "TIMED_OUT",
  "UNABLE_TO_ALLOCATE_RESOURCE",
  "UNAUTHENTICATED",
  "UNAUTHORIZED",
  "UNEXPECTED_INPUT",
  "UNSUPPORTED",
  "UNVERIFIED_PEER",
] as const;
export type ErrorType = (typeof ERROR_TYPES)[number];

export interface LocalizableMessage {
  id: string;
  default_message: string;
  args: string[];
}

export const message = (id: string, text: string, ...args: string[]): LocalizableMessage => ({
  id,
  default_message: text,
  args,
});

export class VapiError extends Error {
  constructor(
    readonly errorType: ErrorType,
    readonly messages: LocalizableMessage[],
    readonly extra: { data?: Record<string, unknown>; challenge?: string } = {},
  ) {
    super(messages[0]?.default_message ?? errorType);
  }
}

const SERVER_SIDE: readonly ErrorType[] = [
  "ERROR",
  "RESOURCE_BUSY",
  "RESOURCE_INACCESSIBLE",
  "UNABLE_TO_ALLOCATE_RESOURCE",
];

function commonStatus(type: ErrorType): number | undefined {
  switch (type) {
    case "NOT_FOUND":
    case "OPERATION_NOT_FOUND":
      return 404;
    case "UNAUTHENTICATED":
      return 401;
    case "UNAUTHORIZED":
      return 403;
    case "INTERNAL_SERVER_ERROR":
      return 500;
    case "SERVICE_UNAVAILABLE":
      return 503;
    case "TIMED_OUT":
      return 504;
    default:
      return undefined;
  }
}

/** /api answers the server-side errors with 500, everything else client-side with 400. */
export const apiStatus = (type: ErrorType): number =>
  commonStatus(type) ?? (SERVER_SIDE.includes(type) ? 500 : 400);

/** /rest answers the same server-side errors with 400. */
export const restStatus = (type: ErrorType): number => commonStatus(type) ?? 400;

/** The bare /api error body. */
export function apiErrorBody(err: VapiError): Record<string, unknown> {
  return {
    error_type: err.errorType,
    messages: err.messages,
    ...(err.extra.data ? { data: err.extra.data } : {}),
    ...(err.extra.challenge ? { challenge: err.extra.challenge } : {}),
  };
}

/** The /rest body: {"type": "com.vmware.vapi.std.errors.not_found", "value": {...}}; vCenter
 *  added error_type inside value in 7.0 U3, so older flavours leave it out. */
export function restErrorBody(err: VapiError, withErrorType: boolean): Record<string, unknown> {
  const { error_type, ...rest } = apiErrorBody(err);
  return {
    type: `com.vmware.vapi.std.errors.${err.errorType.toLowerCase()}`,
    value: withErrorType ? { error_type, ...rest } : rest,
  };
}
