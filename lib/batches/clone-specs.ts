import { randomUUID } from "node:crypto";

import { type BatchRequest, batchRequestSchema } from "@/lib/schemas/batch";
import { batchNameList } from "@/lib/schemas/batch-names";
import type { InstantCloneSpec } from "@/lib/schemas/instant-clone";
import { macSequence } from "@/lib/schemas/mac-sequence";

// Every clone of a batch gets its whole spec when the batch is accepted, before anything is
// sent: a clone resent after a restart then carries the same name, MACs and UUID as the first
// try, and a refusal (a MAC range that would overflow) comes before the first clone, not the 300th.

export type CloneSpecsResult = { specs: InstantCloneSpec[] } | { field: string; message: string };

export function cloneSpecs(request: BatchRequest): CloneSpecsResult {
  const names = batchNameList(request.names);
  const macsByNic: Record<string, string[]> = {};
  for (const [key, nic] of Object.entries(request.spec.nics_to_update ?? {})) {
    if (nic.mac_type !== "MANUAL" || nic.mac_address === undefined) continue;
    const sequence = macSequence(nic.mac_address, names.length);
    if ("error" in sequence)
      return { field: `spec.nics_to_update.${key}.mac_address`, message: sequence.error };
    macsByNic[key] = sequence.macs;
  }
  const uuids = new Set<string>();
  const specs = names.map((name, i): InstantCloneSpec => {
    const nics = request.spec.nics_to_update;
    return {
      ...request.spec,
      name,
      ...(nics
        ? {
            nics_to_update: Object.fromEntries(
              Object.entries(nics).map(([key, nic]) => [
                key,
                macsByNic[key] ? { ...nic, mac_address: macsByNic[key][i] } : nic,
              ]),
            ),
          }
        : {}),
      ...(request.bios_uuid === "per-clone" ? { bios_uuid: freshUuid(uuids) } : {}),
    };
  });
  return { specs };
}

function freshUuid(taken: Set<string>): string {
  let uuid = randomUUID();
  while (taken.has(uuid)) uuid = randomUUID();
  taken.add(uuid);
  return uuid;
}

/** Parses a batch request body; the same schema the form checks with. */
export const parseBatchRequest = (body: unknown) => batchRequestSchema.safeParse(body);
