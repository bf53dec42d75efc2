"use client";

import { useFieldArray, useWatch } from "react-hook-form";

import { useVm } from "@/lib/api/use-vm";
import { emptyNicRow } from "@/lib/schemas/clone-form";
import { Card } from "@/components/ui/card";
import { CheckboxField, checkboxClass } from "@/components/ui/field";

import { DeviceListState } from "./device-list-state";
import { fieldId, useCloneFormContext } from "./form-context";
import { NicRow } from "./nic-row";
import { useSourceDeviceRows } from "./use-source-devices";

export function NicsSection({ env }: { env: string }) {
  const { control, register, getValues, formState } = useCloneFormContext();
  const source = useWatch({ control, name: "source" });
  const detail = useVm(env, source);
  const rows = useFieldArray({ control, name: "nics" });
  useSourceDeviceRows({
    source,
    initialSource: formState.defaultValues?.source,
    deviceKeys: detail.data?.nics.map((nic) => nic.key),
    current: () => getValues("nics"),
    replace: rows.replace,
    empty: emptyNicRow,
  });

  return (
    <Card
      title="NICs"
      description="Override any NIC of the source; what you leave alone stays as the source has it."
    >
      <CheckboxField
        id={fieldId("disconnect_all_nics")}
        asSwitch
        label="Disconnect all NICs"
        description="The clone wakes up with the source's IP address and hostname. Keep it off the network until the guest has a new identity."
        control={(props) => (
          <input {...props} {...register("disconnect_all_nics")} className={checkboxClass} />
        )}
      />
      <DeviceListState source={source} detail={detail} count={rows.fields.length} noun="NICs">
        {rows.fields.map((field, index) => (
          <NicRow
            key={field.id}
            env={env}
            index={index}
            nicKey={field.key}
            info={detail.data?.nics.find((nic) => nic.key === field.key)}
            onReset={() =>
              detail.data?.nics.some((nic) => nic.key === field.key)
                ? rows.update(index, emptyNicRow(field.key))
                : rows.remove(index)
            }
          />
        ))}
      </DeviceListState>
    </Card>
  );
}
