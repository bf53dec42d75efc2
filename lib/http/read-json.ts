import "server-only";

import { ConsoleError } from "./console-error";

export const MAX_BODY_BYTES = 256 * 1024;

/** The request body as JSON, refusing oversized, non-JSON and non-object bodies before any work. */
export async function readJsonObject(req: Request): Promise<Record<string, unknown>> {
  const type = req.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("application/json"))
    throw new ConsoleError(415, "Send the body as application/json");
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES)
    throw new ConsoleError(413, `The body is larger than ${MAX_BODY_BYTES / 1024} KB`);
  const text = await readLimited(req);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ConsoleError(400, "The body is not valid JSON", { body: "Must be a JSON object" });
  }
  if (typeof json !== "object" || json === null || Array.isArray(json))
    throw new ConsoleError(400, "The body must be a JSON object", {
      body: "Must be a JSON object",
    });
  return json as Record<string, unknown>;
}

async function readLimited(req: Request): Promise<string> {
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw new ConsoleError(413, `The body is larger than ${MAX_BODY_BYTES / 1024} KB`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
