const units = ["B", "KB", "MB", "GB", "TB", "PB"];

/** 1536 → "1.5 KB": binary steps, one decimal below 10. */
export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined || !Number.isFinite(bytes)) return "unknown";
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value < 10 && unit > 0 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

export const networkTypeLabels: Record<string, string> = {
  STANDARD_PORTGROUP: "Standard portgroup",
  DISTRIBUTED_PORTGROUP: "Distributed portgroup",
  OPAQUE_NETWORK: "Opaque network",
  HOST_DEVICE: "Host device",
};

export function formatVmSize(cpu?: number, memoryMiB?: number): string {
  const parts = [];
  if (cpu !== undefined) parts.push(`${cpu} vCPU`);
  if (memoryMiB !== undefined) parts.push(formatBytes(memoryMiB * 1024 * 1024));
  return parts.join(" · ");
}
