import {
  biosUuidInvalid,
  DELTA_DISK_LIMIT,
  datastoreNotOnHost,
  deltaDiskLimitReached,
  nameInvalid,
  nameTaken,
  notAVmFolder,
  poolOutsideCluster,
  sourceNotPoweredOn,
} from "./clone-messages";
import type { InstantCloneSpec } from "./clone-spec";
import { VapiError } from "./errors";
import { BIOS_UUID_PATTERN } from "./identity";
import type { Inventory } from "./inventory";
import { objectNotFound, vmNotFound } from "./messages";
import type { Vm } from "./model";
import { checkNicUpdates } from "./nic-rules";
import { checkPortUpdates } from "./port-rules";

/** A spec that passed every rule, with the placement resolved (unset means the source's). */
export interface ClonePlan {
  spec: InstantCloneSpec;
  source: Vm;
  folder: string;
  pool: string;
  datastore: string;
}

const NAME_MAX = 80;

// An instant clone stays on the source's host, so the placement must be reachable from it.
function resolvePlacement(
  inv: Inventory,
  source: Vm,
  placement: NonNullable<InstantCloneSpec["placement"]>,
) {
  const host = inv.describe(source.host);
  const folder = inv.folders.get(placement.folder ?? source.folder);
  if (!folder) throw new VapiError("NOT_FOUND", [objectNotFound("folder", placement.folder ?? "")]);
  if (folder.type !== "VIRTUAL_MACHINE") throw notAVmFolder(inv.describe(folder.id), folder.id);
  const pool = inv.pools.get(placement.resource_pool ?? source.pool);
  if (!pool)
    throw new VapiError("NOT_FOUND", [
      objectNotFound("resource_pool", placement.resource_pool ?? ""),
    ]);
  if (pool.cluster !== source.cluster)
    throw poolOutsideCluster(inv.describe(pool.id), pool.id, host);
  const datastore = inv.datastores.get(placement.datastore ?? source.datastore);
  if (!datastore)
    throw new VapiError("NOT_FOUND", [objectNotFound("datastore", placement.datastore ?? "")]);
  if (!inv.reachable(datastore, source.host))
    throw datastoreNotOnHost(inv.describe(datastore.id), datastore.id, host);
  return { folder: folder.id, pool: pool.id, datastore: datastore.id };
}

/** Applies vCenter's instant-clone preconditions in the order a caller meets them. */
export function planClone(inv: Inventory, spec: InstantCloneSpec): ClonePlan {
  const source = inv.vms.get(spec.source);
  if (!source) throw new VapiError("NOT_FOUND", [vmNotFound(spec.source, inv.serverGuid)]);
  if (source.powerState !== "POWERED_ON") throw sourceNotPoweredOn(source.powerState);
  const length = [...spec.name].length;
  if (length < 1 || length > NAME_MAX) throw nameInvalid(spec.name);
  const placement = resolvePlacement(inv, source, spec.placement ?? {});
  checkNicUpdates(inv, source, spec.nics_to_update ?? {});
  checkPortUpdates(
    inv,
    source,
    spec.serial_ports_to_update ?? {},
    spec.parallel_ports_to_update ?? {},
  );
  if (spec.bios_uuid !== undefined && !BIOS_UUID_PATTERN.test(spec.bios_uuid))
    throw biosUuidInvalid(spec.bios_uuid);
  if (inv.nameTaken(placement.folder, spec.name))
    throw nameTaken(spec.name, inv.describe(placement.folder), placement.folder);
  // The last check, as on vCenter: the chain is only found too deep once the clone is prepared.
  if (!source.frozen && (source.deltaDisks ?? 0) >= DELTA_DISK_LIMIT) throw deltaDiskLimitReached();
  return { spec, source, ...placement };
}
