"use client";

import {
  useDatastoresPage,
  useFoldersPage,
  useResourcePoolsPage,
} from "@/lib/api/use-placement-lists";
import { Card } from "@/components/ui/card";
import { formatBytes } from "@/components/inventory/format";

import { InventoryPicker } from "./inventory-picker";

const SAME = "Same as source";

export function PlacementSection({ env }: { env: string }) {
  return (
    <Card
      title="Placement"
      description="Where the clone goes. It always runs on the source's host; unset fields follow the source."
    >
      <div className="grid gap-4 md:grid-cols-3">
        <InventoryPicker
          name="folder"
          label="Folder"
          keepLabel={SAME}
          noun="folders"
          env={env}
          usePage={useFoldersPage}
          valueOf={(f) => f.folder}
          toOption={(f) => ({ value: f.folder, label: f.name, hint: f.folder })}
        />
        <InventoryPicker
          name="resource_pool"
          label="Resource pool"
          keepLabel={SAME}
          noun="resource pools"
          env={env}
          usePage={useResourcePoolsPage}
          valueOf={(p) => p.resource_pool}
          toOption={(p) => ({ value: p.resource_pool, label: p.name, hint: p.resource_pool })}
        />
        <InventoryPicker
          name="datastore"
          label="Datastore"
          keepLabel={SAME}
          noun="datastores"
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
