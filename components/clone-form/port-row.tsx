"use client";

import { useWatch } from "react-hook-form";

import type { ParallelPortInfo, SerialPortInfo } from "@/lib/schemas/inventory";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";

import { connectionToggles, DeviceToggles } from "./device-toggles";
import { DeviceFieldset } from "./device-fieldset";
import { fieldId, useCloneFormContext, useFieldError } from "./form-context";
import { PortBackingFields } from "./port-backing-fields";
import { describePortBacking, portBackingLabels } from "./port-backing-labels";
import { type PortKind, portKinds } from "./port-kinds";

type PortRowProps = {
  kind: PortKind;
  index: number;
  portKey: string;
  info?: SerialPortInfo | ParallelPortInfo;
  onReset: () => void;
};

/** One serial or parallel port of the source: its backing and its switches. */
export function PortRow({ kind, index, portKey, info, onReset }: PortRowProps) {
  const { register, control } = useCloneFormContext();
  const path = `${kind}.${index}` as const;
  const type = useWatch({ control, name: `${path}.backing_type` });
  const typeError = useFieldError(`${path}.backing_type`);
  const { backingTypes, extraToggles } = portKinds[kind];

  return (
    <DeviceFieldset
      deviceKey={portKey}
      label={info?.label}
      current={
        info ? `Now: ${describePortBacking(info.backing)}` : "The source has no port with this key."
      }
      onReset={onReset}
    >
      <Field
        id={fieldId(`${path}.backing_type`)}
        label="Backing"
        description="A backing can only change while the port is not connected."
        error={typeError}
      >
        {(aria) => (
          <Select
            {...aria}
            {...register(`${path}.backing_type`)}
            options={[
              { value: "", label: "Keep current" },
              ...backingTypes.map((value) => ({ value, label: portBackingLabels[value] })),
            ]}
          />
        )}
      </Field>
      <PortBackingFields path={path} type={type} />
      <DeviceToggles toggles={[...connectionToggles(path, info), ...extraToggles(index, info)]} />
    </DeviceFieldset>
  );
}
