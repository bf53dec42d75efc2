import { WebSocket } from "undici";

// A console's live JavaScript memory, read through its inspector (started with
// `--inspect=127.0.0.1:0`): a full garbage collection first, then V8's used heap. Unlike RSS,
// which floats by tens of MB with V8's young generation and when it returns pages, this is
// what the process still holds, so "memory after the run against before" compares like with like.

/** The inspector's WebSocket address from the console's output ("Debugger listening on ws://…"). */
export function inspectorUrl(output: string): string {
  const url = /Debugger listening on (ws:\/\/\S+)/.exec(output)?.[1];
  if (!url) throw new Error(`the console printed no inspector address:\n${output.slice(0, 500)}`);
  return url;
}

export async function heapUsedAfterGc(wsUrl: string): Promise<number> {
  const socket = new WebSocket(wsUrl);
  await new Promise<void>((resolve, reject) => {
    socket.addEventListener("open", () => resolve(), { once: true });
    socket.addEventListener("error", () => reject(new Error(`cannot reach ${wsUrl}`)), {
      once: true,
    });
  });
  let nextId = 0;
  const pending = new Map<number, (result: Record<string, unknown>) => void>();
  socket.addEventListener("message", (event) => {
    const message = JSON.parse(String(event.data)) as {
      id?: number;
      result?: Record<string, unknown>;
    };
    if (message.id !== undefined) pending.get(message.id)?.(message.result ?? {});
  });
  const send = (method: string) =>
    new Promise<Record<string, unknown>>((resolve) => {
      const id = ++nextId;
      pending.set(id, resolve);
      socket.send(JSON.stringify({ id, method }));
    });
  try {
    // Twice: objects with finalizers or weak references need a second collection to go.
    await send("HeapProfiler.collectGarbage");
    await send("HeapProfiler.collectGarbage");
    const usage = await send("Runtime.getHeapUsage");
    return Number(usage.usedSize);
  } finally {
    socket.close();
  }
}
