"use client";

import { useQueryClient } from "@tanstack/react-query";
import { type ComponentProps, type Ref, useState } from "react";
import { Controller } from "react-hook-form";

import type { VmFilter } from "@/lib/api/query-keys";
import { useVm } from "@/lib/api/use-vm";
import { firstVmFilter, refreshVms, useVms } from "@/lib/api/use-vms";
import { Combobox, type ComboboxOption } from "@/components/ui/combobox";
import { ErrorStack } from "@/components/error-stack/error-stack";
import { checkboxClass, Field, type FieldControlProps } from "@/components/ui/field";
import { useDebouncedValue } from "@/components/ui/use-debounced-value";
import { AsOf } from "@/components/inventory/as-of";
import { formatVmSize } from "@/components/inventory/format";
import { PowerBadges } from "@/components/inventory/power-badges";

import { fieldId, useCloneFormContext, useFieldError } from "./form-context";

// Longer than a slow typist's gap between keys (~350 ms, with room for jitter), so a name typed
// at that pace sends one to three searches, not one per key.
export const SEARCH_DELAY_MS = 500;

/** The source VM: a server-side search over the console's VM list (which may hold 50,000). */
export function VmPicker({ env }: { env: string }) {
  const { control } = useCloneFormContext();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState("");
  const [all, setAll] = useState(false);
  const [refreshing, setRefreshing] = useState(false);
  const typed = search.trim();
  const q = useDebouncedValue(typed, SEARCH_DELAY_MS);
  const filter: VmFilter = { ...firstVmFilter(all), q };
  const vms = useVms(env, filter);
  const error = useFieldError("source");

  // Until the answer for what was typed arrives, no option is offered: Enter cannot pick a VM
  // from an older search.
  const searching = typed !== q || (vms.isFetching && vms.isPlaceholderData);
  const items = vms.data?.items ?? [];
  const options: ComboboxOption[] = items.map((vm) => ({
    value: vm.vm,
    label: vm.name,
    hint: [vm.vm, formatVmSize(vm.cpu_count, vm.memory_size_MiB)].filter(Boolean).join(" · "),
    badges: <PowerBadges state={vm.power_state} frozen={vm.instant_clone_frozen} />,
  }));
  const total = vms.data?.total ?? 0;

  const refresh = async () => {
    setRefreshing(true);
    try {
      await refreshVms(queryClient, env, filter);
    } finally {
      setRefreshing(false);
    }
  };

  return (
    <Controller
      control={control}
      name="source"
      render={({ field }) => (
        <Field
          id={fieldId("source")}
          label="Source VM"
          description={`Type to search by name. Instant clone needs a powered-on or frozen source${all ? "" : ": only those are listed"}.`}
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
                searching={searching}
                loading={vms.isPending}
                failed={vms.isError}
                footer={
                  total > options.length
                    ? `${options.length} of ${total.toLocaleString()} matches shown: type to narrow`
                    : undefined
                }
                aria={aria}
              />
              <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1">
                <label className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    role="switch"
                    className={checkboxClass}
                    checked={all}
                    onChange={(event) => setAll(event.target.checked)}
                  />
                  Show all VMs, powered off and suspended too
                </label>
                <AsOf
                  noun="VM list"
                  asOf={vms.data?.as_of}
                  refreshing={refreshing}
                  onRefresh={() => void refresh()}
                />
              </div>
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
