import { type ApiErrorBody, apiErrorSchema, vcenterErrorDetails } from "@/lib/schemas/api-error";

/** A failed console API call, always in the shape of the console's error envelope. */
export class ApiError extends Error {
  constructor(readonly body: ApiErrorBody) {
    super(body.message);
    this.name = "ApiError";
  }

  get status() {
    return this.body.status;
  }

  get origin() {
    return this.body.origin;
  }

  /** vCenter's error_type, from either the /api or the /rest flavour of its body. */
  get errorType(): string | undefined {
    return vcenterErrorDetails(this.body.vcenter).errorType;
  }

  /** vCenter's messages, top first (the failure, then its causes). */
  get vcenterMessages() {
    return vcenterErrorDetails(this.body.vcenter).messages;
  }

  /** The message ids in vCenter's stack: what guidance and field errors are chosen by. */
  get messageIds(): string[] {
    return this.vcenterMessages.map((m) => m.id);
  }

  /** The operator must log in (again): the console has no session, or vCenter dropped it. */
  get needsLogin(): boolean {
    return this.status === 401 || this.errorType === "UNAUTHENTICATED";
  }

  get fieldErrors(): Record<string, string> {
    return this.body.field_errors ?? {};
  }

  /** The response was not an envelope (a proxy's HTML page, a crash): keep what it said. */
  static fromResponseText(status: number, statusText: string, text: string): ApiError {
    return new ApiError({
      origin: "console",
      status,
      message: `The console answered ${status} ${statusText} without an error description`,
      cause: text.trim().slice(0, 500) || undefined,
    });
  }

  /** fetch itself failed: the browser could not reach the console. */
  static fromFetchFailure(err: unknown): ApiError {
    return new ApiError({
      origin: "network",
      status: 0,
      message: "The console did not answer: check your connection and that the console is running",
      cause: err instanceof Error ? err.message : String(err),
    });
  }
}

/** Any thrown value as an ApiError, so one component can render every failure. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  const parsed = apiErrorSchema.safeParse(err);
  if (parsed.success) return new ApiError(parsed.data.error);
  return new ApiError({
    origin: "console",
    status: 0,
    message: err instanceof Error ? err.message : "Something went wrong in the page",
  });
}
