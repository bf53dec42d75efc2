import "server-only";

import { ConsoleError } from "./console-error";

export const MAX_BODY_BYTES = 256 * 1024;

/** The request body as JSON, refusing oversized, non-JSON and non-object bodies before any work. */
export async function readJsonObject(req: Request): Promise<Record<string, unknown>> {
  // The media type itself, without parameters: "application/jsonx" is not JSON.
  const type = (req.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/json")
    throw new ConsoleError(415, "Send the body as application/json", {
      "content-type": "Must be application/json",
    });
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES)
    throw new ConsoleError(413, `The body is larger than ${MAX_BODY_BYTES / 1024} KB`);
  const text = decodeUtf8(await readLimited(req));
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
  refuseProtoKeys(json, "");
  return json as Record<string, unknown>;
}

// Invalid UTF-8 would otherwise become U+FFFD and reach vCenter changed (a name "bad-\ufffd\ufffd").
const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    throw new ConsoleError(400, "The body is not valid UTF-8", { body: "Must be UTF-8 text" });
  }
}

/**
 * JSON.parse keeps "__proto__" as an own key, but assigning it anywhere later (a zod record's
 * copy) sets a prototype instead: the entry would vanish unseen. It is refused by name.
 */
function refuseProtoKeys(value: unknown, path: string): void {
  if (typeof value !== "object" || value === null) return;
  for (const [key, child] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (key === "__proto__")
      throw new ConsoleError(400, `${at.slice(0, 80)} is not a field the console takes`, {
        [at.slice(0, 120)]: "Not a valid key",
      });
    refuseProtoKeys(child, at);
  }
}

async function readLimited(req: Request): Promise<Uint8Array> {
  if (!req.body) return new Uint8Array();
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
  return Buffer.concat(chunks);
}
