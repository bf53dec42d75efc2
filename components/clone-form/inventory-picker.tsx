"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import { Controller } from "react-hook-form";

import { Combobox, type ComboboxOption } from "@/components/ui/combobox";
import { ErrorStack } from "@/components/error-stack/error-stack";
import { Field } from "@/components/ui/field";

import { type CloneFormPath, fieldId, useCloneFormContext, useFieldError } from "./form-context";

type InventoryPickerProps<Item> = {
  name: CloneFormPath;
  label: string;
  description?: string;
  /** The empty value's option, e.g. "Same as source". */
  keepLabel: string;
  list: UseQueryResult<Item[]>;
  toOption: (item: Item) => ComboboxOption;
  /** "folders": names the loading, empty and failed states. */
  noun: string;
  onPicked?: (item: Item | undefined) => void;
  valueOf: (item: Item) => string;
};

/** A searchable picker over one of the console's small inventory lists, filtered in the page. */
export function InventoryPicker<Item>({
  name,
  label,
  description,
  keepLabel,
  list,
  toOption,
  noun,
  onPicked,
  valueOf,
}: InventoryPickerProps<Item>) {
  const { control } = useCloneFormContext();
  const error = useFieldError(name);
  const items = list.data ?? [];
  const options = [{ value: "", label: keepLabel }, ...items.map(toOption)];
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <Field id={fieldId(name)} label={label} description={description} error={error}>
          {(aria) => (
            <>
              <Combobox
                {...aria}
                ref={field.ref}
                name={field.name}
                value={typeof field.value === "string" ? field.value : ""}
                onBlur={field.onBlur}
                onChange={(value) => {
                  field.onChange(value);
                  onPicked?.(items.find((item) => valueOf(item) === value));
                }}
                options={options}
                loading={list.isPending}
                failed={list.isError}
                footer={
                  list.isSuccess && items.length === 0 ? `This vCenter lists no ${noun}` : undefined
                }
              />
              {list.isError && <ErrorStack error={list.error} title={`The ${noun} list failed`} />}
            </>
          )}
        </Field>
      )}
    />
  );
}
