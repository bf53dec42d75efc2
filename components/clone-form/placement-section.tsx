"use client";

import { useWatch } from "react-hook-form";

import {
  useDatastoresPage,
  useFoldersPage,
  useResourcePoolsPage,
} from "@/lib/api/use-placement-lists";
import { useVmPlacement } from "@/lib/api/use-vm-placement";
import { Card } from "@/components/ui/card";
import { formatBytes } from "@/components/inventory/format";

import { useCloneFormContext } from "./form-context";
import { InventoryPicker } from "./inventory-picker";

/** "Same as source (Linux)" once the source's value is known. */
export const sameAsSource = (name?: string) =>
  name ? `Same as source (${name})` : "Same as source";

/** The source's placement, which narrows the lists and names what "Same as source" keeps. */
export function useSourcePlacement(env: string) {
  const { control } = useCloneFormContext();
  const source = useWatch({ control, name: "source" });
  return useVmPlacement(env, source || undefined).data;
}

export function PlacementSection({ env }: { env: string }) {
  const placement = useSourcePlacement(env);
  const dc = placement?.datacenter;
  const inDc = dc ? { datacenter: dc.datacenter } : undefined;
  return (
    <Card
      title="Placement"
      description="Where the clone goes. It always runs on the source's host; unset fields follow the source."
    >
      <div className="grid gap-4 md:grid-cols-3">
        <InventoryPicker
          name="folder"
          label="Folder"
          description={
            dc
              ? `Folders of the source's datacenter, ${dc.name}.`
              : "Choose a source VM to narrow this to its datacenter."
          }
          keepMatch={sameAsSource()}
          keepLabel={sameAsSource(placement?.folder?.name)}
          noun="folders"
          kind="folders"
          scope={inDc}
          env={env}
          usePage={useFoldersPage}
          valueOf={(f) => f.folder}
          toOption={(f) => ({
            value: f.folder,
            label: f.name,
            hint: [f.path, f.folder].filter(Boolean).join(" · "),
          })}
        />
        <InventoryPicker
          name="resource_pool"
          label="Resource pool"
          description={
            placement?.host
              ? `Pools on the source's host (${placement.host}), where the clone runs.`
              : "Choose a source VM to narrow this to the pools on its host."
          }
          keepMatch={sameAsSource()}
          keepLabel={sameAsSource(placement?.resource_pool?.name)}
          noun="resource pools"
          kind="resource-pools"
          scope={placement?.host ? { ...inDc, host: placement.host } : inDc}
          env={env}
          usePage={useResourcePoolsPage}
          valueOf={(p) => p.resource_pool}
          toOption={(p) => ({
            value: p.resource_pool,
            label: p.name,
            hint: [p.cluster, p.resource_pool].filter(Boolean).join(" · "),
          })}
        />
        <InventoryPicker
          name="datastore"
          label="Datastore"
          description={
            dc
              ? `Datastores of ${dc.name}, the source's datacenter: vCenter's REST API cannot narrow them to those its host sees, so vCenter refuses one the host cannot reach.`
              : "Choose a source VM to narrow this to its datacenter."
          }
          keepMatch={sameAsSource()}
          keepLabel={sameAsSource(placement?.datastore?.name)}
          noun="datastores"
          kind="datastores"
          scope={inDc}
          env={env}
          usePage={useDatastoresPage}
          valueOf={(d) => d.datastore}
          toOption={(d) => ({
            value: d.datastore,
            label: d.name,
            hint: `${d.type} · ${formatBytes(d.free_space)} free of ${formatBytes(d.capacity)} · ${d.datastore}`,
          })}
        />
      </div>
    </Card>
  );
}
