"use client";

import { useFieldArray, useWatch } from "react-hook-form";

import { useVm } from "@/lib/api/use-vm";
import { Card } from "@/components/ui/card";

import { DeviceListState } from "./device-list-state";
import { useCloneFormContext } from "./form-context";
import { type PortKind, portKinds } from "./port-kinds";
import { PortRow } from "./port-row";
import { useSourceDeviceRows } from "./use-source-devices";

/** The source's serial or parallel ports, one row each; the two kinds differ only in portKinds. */
export function PortsSection({ env, kind }: { env: string; kind: PortKind }) {
  const { control, getValues, formState } = useCloneFormContext();
  const source = useWatch({ control, name: "source" });
  const detail = useVm(env, source);
  const rows = useFieldArray({ control, name: kind });
  const ports = detail.data?.[kind];
  const { title, noun, empty } = portKinds[kind];
  useSourceDeviceRows({
    source,
    initialSource: formState.defaultValues?.source,
    deviceKeys: ports?.map((port) => port.key),
    current: () => getValues(kind),
    replace: rows.replace,
    empty,
  });

  return (
    <Card title={title}>
      <DeviceListState source={source} detail={detail} count={rows.fields.length} noun={noun}>
        {rows.fields.map((field, index) => (
          <PortRow
            key={field.id}
            kind={kind}
            index={index}
            portKey={field.key}
            info={ports?.find((port) => port.key === field.key)}
            onReset={() =>
              ports?.some((port) => port.key === field.key)
                ? rows.update(index, empty(field.key))
                : rows.remove(index)
            }
          />
        ))}
      </DeviceListState>
    </Card>
  );
}
