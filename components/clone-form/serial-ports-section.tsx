"use client";

import { useFieldArray, useWatch } from "react-hook-form";

import { useVm } from "@/lib/api/use-vm";
import { emptySerialRow } from "@/lib/schemas/clone-form";
import { Card } from "@/components/ui/card";

import { DeviceListState } from "./device-list-state";
import { useCloneFormContext } from "./form-context";
import { SerialPortRow } from "./serial-port-row";
import { useSourceDeviceRows } from "./use-source-devices";

export function SerialPortsSection({ env }: { env: string }) {
  const { control, getValues, formState } = useCloneFormContext();
  const source = useWatch({ control, name: "source" });
  const detail = useVm(env, source);
  const rows = useFieldArray({ control, name: "serial_ports" });
  const ports = detail.data?.serial_ports;
  useSourceDeviceRows({
    source,
    initialSource: formState.defaultValues?.source,
    deviceKeys: ports?.map((port) => port.key),
    current: () => getValues("serial_ports"),
    replace: rows.replace,
    empty: emptySerialRow,
  });

  return (
    <Card title="Serial ports">
      <DeviceListState
        source={source}
        detail={detail}
        count={rows.fields.length}
        noun="serial ports"
      >
        {rows.fields.map((field, index) => (
          <SerialPortRow
            key={field.id}
            index={index}
            portKey={field.key}
            info={ports?.find((port) => port.key === field.key)}
            onReset={() =>
              ports?.some((port) => port.key === field.key)
                ? rows.update(index, emptySerialRow(field.key))
                : rows.remove(index)
            }
          />
        ))}
      </DeviceListState>
    </Card>
  );
}
