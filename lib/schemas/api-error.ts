import * as z from "zod/mini";

// The console's one error envelope (DESIGN.md "The error envelope"), parsed by the browser
// with this same schema. `vcenter` carries vCenter's body exactly as it arrived.

export const localizableMessageSchema = z.looseObject({
  id: z.string(),
  default_message: z.string(),
  args: z.array(z.string()),
  params: z.optional(z.record(z.string(), z.unknown())),
  localized: z.optional(z.string()),
});
export type LocalizableMessage = z.infer<typeof localizableMessageSchema>;

// /api: {error_type, messages, data?, challenge?}
export const vcenterApiErrorBodySchema = z.looseObject({
  error_type: z.optional(z.string()),
  messages: z.array(localizableMessageSchema),
  data: z.optional(z.unknown()),
  challenge: z.optional(z.string()),
});

// /rest (vCenter 7.0 and 7.0 U1): {type: "com.vmware.vapi.std.errors.not_found", value: {messages, ...}}
export const vcenterRestErrorBodySchema = z.looseObject({
  type: z.string(),
  value: vcenterApiErrorBodySchema,
});

// The /rest router's own errors, e.g. {"name": "com.vmware.vapi.rest.httpNotFound", …}.
export const vcenterRouterErrorBodySchema = z.looseObject({
  name: z.string(),
  localizableMessages: z.array(z.looseObject({ id: z.string(), defaultMessage: z.string() })),
});

// Anything else vCenter (or a proxy in front of it) answered: the trimmed text.
export const vcenterRawErrorBodySchema = z.strictObject({ raw: z.string() });

export const vcenterErrorBodySchema = z.union([
  vcenterApiErrorBodySchema,
  vcenterRestErrorBodySchema,
  vcenterRouterErrorBodySchema,
  vcenterRawErrorBodySchema,
]);
export type VcenterErrorBody = z.infer<typeof vcenterErrorBodySchema>;

export const errorOrigins = ["vcenter", "console", "network"] as const;
export type ErrorOrigin = (typeof errorOrigins)[number];

export const apiErrorSchema = z.object({
  error: z.object({
    origin: z.enum(errorOrigins),
    status: z.int(),
    message: z.string(),
    vcenter: z.optional(vcenterErrorBodySchema),
    field_errors: z.optional(z.record(z.string(), z.string())),
    cause: z.optional(z.string()),
    request_id: z.optional(z.string()),
    operation: z.optional(z.string()),
    stack: z.optional(z.string()),
  }),
});
export type ApiErrorEnvelope = z.infer<typeof apiErrorSchema>;
export type ApiErrorBody = ApiErrorEnvelope["error"];

/** vCenter's error type and messages in order, whichever flavour (/api or /rest) sent them. */
export function vcenterErrorDetails(body: VcenterErrorBody | undefined): {
  errorType?: string;
  messages: LocalizableMessage[];
  data?: unknown;
} {
  if (!body) return { messages: [] };
  if ("raw" in body && typeof body.raw === "string")
    return { messages: [{ id: "http.body", default_message: body.raw, args: [] }] };
  if ("localizableMessages" in body && Array.isArray(body.localizableMessages)) {
    const router = body as z.infer<typeof vcenterRouterErrorBodySchema>;
    return {
      messages: router.localizableMessages.map((m) => ({
        id: m.id,
        default_message: m.defaultMessage,
        args: [],
      })),
    };
  }
  if ("type" in body && "value" in body) {
    const value = body.value as z.infer<typeof vcenterApiErrorBodySchema>;
    return {
      errorType: value.error_type ?? restTypeToErrorType(String(body.type)),
      messages: value.messages,
      data: value.data,
    };
  }
  const api = body as z.infer<typeof vcenterApiErrorBodySchema>;
  return { errorType: api.error_type, messages: api.messages, data: api.data };
}

/** "com.vmware.vapi.std.errors.not_found" → "NOT_FOUND" */
export function restTypeToErrorType(type: string): string {
  return (type.split(".").pop() ?? type).toUpperCase();
}
