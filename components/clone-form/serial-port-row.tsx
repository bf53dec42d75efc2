"use client";

import { useWatch } from "react-hook-form";

import type { SerialPortInfo } from "@/lib/schemas/inventory";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";

import { DeviceFieldset } from "./device-fieldset";
import { fieldId, useCloneFormContext, useFieldError } from "./form-context";
import { PortBackingFields } from "./port-backing-fields";
import { describePortBacking, portBackingLabels } from "./port-backing-labels";
import { TriStateSelect } from "./tri-state-select";

type SerialPortRowProps = {
  index: number;
  portKey: string;
  info?: SerialPortInfo;
  onReset: () => void;
};

export function SerialPortRow({ index, portKey, info, onReset }: SerialPortRowProps) {
  const { register, control } = useCloneFormContext();
  const path = `serial_ports.${index}` as const;
  const type = useWatch({ control, name: `${path}.backing_type` });
  const typeError = useFieldError(`${path}.backing_type`);
  const name = info?.label ?? `Device ${portKey}`;

  return (
    <DeviceFieldset
      legend={`${name} (${portKey})`}
      current={
        info ? `Now: ${describePortBacking(info.backing)}` : "The source has no port with this key."
      }
      onReset={onReset}
      resetLabel={`Reset ${name}`}
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
              ...(
                [
                  "FILE",
                  "HOST_DEVICE",
                  "PIPE_SERVER",
                  "PIPE_CLIENT",
                  "NETWORK_SERVER",
                  "NETWORK_CLIENT",
                ] as const
              ).map((value) => ({ value, label: portBackingLabels[value] })),
            ]}
          />
        )}
      </Field>
      <PortBackingFields path={path} type={type} />
      <div className="grid grid-cols-2 gap-4 md:grid-cols-3">
        <TriStateSelect
          name={`${path}.start_connected`}
          label="Start connected"
          current={info?.start_connected}
        />
        <TriStateSelect
          name={`${path}.allow_guest_control`}
          label="Allow guest control"
          current={info?.allow_guest_control}
        />
        <TriStateSelect
          name={`${path}.yield_on_poll`}
          label="Yield on poll"
          current={info?.yield_on_poll}
        />
      </div>
    </DeviceFieldset>
  );
}
