import type * as z from "zod/mini";

import type { portBackingInfoSchema } from "@/lib/schemas/inventory";

export const portBackingLabels: Record<string, string> = {
  FILE: "File",
  HOST_DEVICE: "Host device",
  PIPE_SERVER: "Named pipe (server)",
  PIPE_CLIENT: "Named pipe (client)",
  NETWORK_SERVER: "Network (server)",
  NETWORK_CLIENT: "Network (client)",
};

/** "File [ds1] vm/serial.log" — what a port is backed by now. */
export function describePortBacking(backing: z.infer<typeof portBackingInfoSchema>): string {
  const detail =
    backing.file ??
    backing.pipe ??
    backing.network_location ??
    backing.host_device ??
    (backing.auto_detect ? "auto-detect" : "");
  return [portBackingLabels[backing.type] ?? backing.type, detail].filter(Boolean).join(" ");
}
