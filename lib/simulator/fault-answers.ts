import { apiErrorBody, type ErrorType, message, restErrorBody, VapiError } from "./errors";

// What an "error" fault sends when the test gives no body: vCenter's own error for that status,
// in the flavour of the path, so the console cannot tell it from a real failure.

const BY_STATUS: Record<number, [ErrorType, string, string]> = {
  400: ["INVALID_ARGUMENT", "vapi.invoke.input.invalid", "Unable to validate input to method"],
  401: [
    "UNAUTHENTICATED",
    "com.vmware.vapi.endpoint.method.authentication.required",
    "Authentication required.",
  ],
  403: ["UNAUTHORIZED", "vapi.security.authorization.invalid", "Unable to authorize user"],
  404: ["NOT_FOUND", "com.vmware.vapi.rest.httpNotFound", "Not found."],
  500: [
    "INTERNAL_SERVER_ERROR",
    "vapi.bindings.method.impl.unexpected",
    "Provider method implementation threw unexpected exception: null",
  ],
  503: ["SERVICE_UNAVAILABLE", "vapi.server.unavailable", "Service not available"],
  504: ["TIMED_OUT", "vapi.server.timedout", "Request Timed out"],
};

export function defaultFaultBody(status: number, path: string): unknown {
  const [type, id, text] = BY_STATUS[status] ?? [
    "ERROR",
    "vapi.server.error",
    `Server error occured: HTTP ${status}`,
  ];
  const err = new VapiError(type, [message(id, text)]);
  return path.startsWith("/rest/") ? restErrorBody(err, true) : apiErrorBody(err);
}

/** A bug in the simulator still answers like vCenter would: 500 with an error body. */
export function internalError(path: string): unknown {
  return defaultFaultBody(500, path);
}
