"use client";

import { useFieldArray, useWatch } from "react-hook-form";

import { useVm } from "@/lib/api/use-vm";
import { emptyParallelRow } from "@/lib/schemas/clone-form";
import { Card } from "@/components/ui/card";

import { DeviceListState } from "./device-list-state";
import { useCloneFormContext } from "./form-context";
import { ParallelPortRow } from "./parallel-port-row";
import { useSourceDeviceRows } from "./use-source-devices";

export function ParallelPortsSection({ env }: { env: string }) {
  const { control, getValues, formState } = useCloneFormContext();
  const source = useWatch({ control, name: "source" });
  const detail = useVm(env, source);
  const rows = useFieldArray({ control, name: "parallel_ports" });
  const ports = detail.data?.parallel_ports;
  useSourceDeviceRows({
    source,
    initialSource: formState.defaultValues?.source,
    deviceKeys: ports?.map((port) => port.key),
    current: () => getValues("parallel_ports"),
    replace: rows.replace,
    empty: emptyParallelRow,
  });

  return (
    <Card title="Parallel ports">
      <DeviceListState
        source={source}
        detail={detail}
        count={rows.fields.length}
        noun="parallel ports"
      >
        {rows.fields.map((field, index) => (
          <ParallelPortRow
            key={field.id}
            index={index}
            portKey={field.key}
            info={ports?.find((port) => port.key === field.key)}
            onReset={() =>
              ports?.some((port) => port.key === field.key)
                ? rows.update(index, emptyParallelRow(field.key))
                : rows.remove(index)
            }
          />
        ))}
      </DeviceListState>
    </Card>
  );
}
