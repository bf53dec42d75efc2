"use client";

import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";

import { type CloneFormPath, fieldId, useCloneFormContext, useFieldError } from "./form-context";

const onOff = (value: boolean | undefined) =>
  value === undefined ? "" : value ? " (on)" : " (off)";

/** An on/off override with a third, default state: keep what the source has (shown). */
export function TriStateSelect({
  name,
  label,
  current,
}: {
  name: CloneFormPath;
  label: string;
  current?: boolean;
}) {
  const { register } = useCloneFormContext();
  const error = useFieldError(name);
  return (
    <Field id={fieldId(name)} label={label} error={error}>
      {(aria) => (
        <Select
          {...aria}
          {...register(name)}
          options={[
            { value: "", label: `Keep${onOff(current)}` },
            { value: "true", label: "On" },
            { value: "false", label: "Off" },
          ]}
        />
      )}
    </Field>
  );
}
