import type { ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";

// Answers that go wrong on the wire, for the faults truncate, trickle and huge: what a console
// sees when a proxy or a struggling vCenter breaks an answer that was already on its way.

export interface WireAnswer {
  status: number;
  /** The body as sent: JSON text, or a page with its own content type. */
  text: string;
  contentType: string;
}

/** The status line, the headers (with the full length), half of the body, then the socket closes. */
export function sendTruncated(res: ServerResponse, answer: WireAnswer): void {
  const bytes = Buffer.from(answer.text, "utf8");
  res.writeHead(answer.status, {
    "content-type": answer.contentType,
    "content-length": String(bytes.length),
  });
  res.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
  // Give the headers and the half body time to leave before the connection is cut.
  setTimeout(() => res.socket?.destroy(), 50);
}

/** The whole answer, its body sent in ten pieces spread over `ms`. */
export async function sendTrickled(
  res: ServerResponse,
  answer: WireAnswer,
  ms: number,
): Promise<void> {
  const bytes = Buffer.from(answer.text, "utf8");
  res.writeHead(answer.status, {
    "content-type": answer.contentType,
    "content-length": String(bytes.length),
  });
  const pieces = 10;
  const size = Math.ceil(bytes.length / pieces);
  for (let i = 0; i < pieces; i++) {
    await sleep(ms / pieces);
    if (res.destroyed) return; // the client gave up
    res.write(bytes.subarray(i * size, (i + 1) * size));
  }
  res.end();
}

const VM_ENTRY = '{"vm":"vm-9999","name":"padding","power_state":"POWERED_ON"}';

/** A 200 with a JSON array of `bytes` bytes, streamed as the client reads it. */
export async function sendHuge(res: ServerResponse, bytes: number): Promise<void> {
  // Chunked, with no length announced: the reader learns the size only by counting.
  res.writeHead(200, { "content-type": "application/json" });
  const chunkEntries = Math.floor((64 * 1024) / (VM_ENTRY.length + 1));
  const chunk = Buffer.from(`${VM_ENTRY},`.repeat(chunkEntries), "utf8");
  let left = bytes - 2; // "[" and "]"
  res.write("[");
  while (left > 0 && !res.destroyed) {
    // Whole entries while they fit, then spaces (valid JSON whitespace) up to the size.
    const piece =
      left > chunk.length + VM_ENTRY.length
        ? chunk
        : Buffer.from(`${VM_ENTRY}${" ".repeat(Math.max(0, left - VM_ENTRY.length))}`);
    const part = piece.subarray(0, Math.min(piece.length, left));
    left -= part.length;
    if (!res.write(part)) await new Promise((resolve) => res.once("drain", resolve));
  }
  if (!res.destroyed) res.end("]");
}
