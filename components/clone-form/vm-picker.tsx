"use client";

import { type ComponentProps, type Ref, useState } from "react";
import { Controller } from "react-hook-form";

import { useVm } from "@/lib/api/use-vm";
import { useVms } from "@/lib/api/use-vms";
import { Combobox, type ComboboxOption } from "@/components/ui/combobox";
import { ErrorStack } from "@/components/error-stack/error-stack";
import { Field, type FieldControlProps } from "@/components/ui/field";
import { useDebouncedValue } from "@/components/ui/use-debounced-value";
import { formatVmSize } from "@/components/inventory/format";
import { PowerBadges } from "@/components/inventory/power-badges";

import { fieldId, useCloneFormContext, useFieldError } from "./form-context";

const PAGE = 50;

/** The source VM: a server-side search over the console's VM list (which may hold 50,000). */
export function VmPicker({ env }: { env: string }) {
  const { control } = useCloneFormContext();
  const [search, setSearch] = useState("");
  const q = useDebouncedValue(search.trim());
  const vms = useVms(env, { q, limit: PAGE });
  const error = useFieldError("source");

  // While the search for the latest keystrokes is in flight the previous answer is still shown:
  // narrow it to what was typed, so Enter never picks a VM that no longer matches.
  const needle = search.trim().toLowerCase();
  const matching = (vms.data?.items ?? []).filter((vm) => vm.name.toLowerCase().includes(needle));
  const options: ComboboxOption[] = matching.map((vm) => ({
    value: vm.vm,
    label: vm.name,
    hint: [vm.vm, formatVmSize(vm.cpu_count, vm.memory_size_MiB)].filter(Boolean).join(" · "),
    badges: <PowerBadges state={vm.power_state} frozen={vm.instant_clone_frozen} />,
  }));
  const total = vms.data?.total ?? 0;

  return (
    <Controller
      control={control}
      name="source"
      render={({ field }) => (
        <Field
          id={fieldId("source")}
          label="Source VM"
          description="Type to search by name. Instant clone needs a powered-on or frozen source."
          error={error}
        >
          {(aria) => (
            <>
              <SelectedVmCombobox
                env={env}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                inputRef={field.ref}
                options={options}
                onSearch={setSearch}
                loading={vms.isFetching}
                failed={vms.isError}
                footer={
                  total > options.length
                    ? `${options.length} of ${total.toLocaleString()} shown: type to narrow`
                    : undefined
                }
                aria={aria}
              />
              {vms.isError && <ErrorStack error={vms.error} title="The VM list failed" />}
            </>
          )}
        </Field>
      )}
    />
  );
}

type SelectedVmComboboxProps = Omit<
  ComponentProps<typeof Combobox>,
  "id" | "selectedLabel" | "ref"
> & {
  env: string;
  inputRef: Ref<HTMLInputElement>;
  aria: FieldControlProps;
};

// The chosen VM may not be in the current search page (restored from a link): name it from its detail.
function SelectedVmCombobox({ env, inputRef, aria, ...props }: SelectedVmComboboxProps) {
  const detail = useVm(env, props.value);
  return (
    <Combobox
      {...aria}
      {...props}
      ref={inputRef}
      selectedLabel={detail.data?.name}
      placeholder="Search VMs by name"
      emptyText="This vCenter has no VMs"
    />
  );
}
