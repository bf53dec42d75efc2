"use client";

import { type UseQueryResult, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Controller } from "react-hook-form";

import {
  PLACEMENT_PAGE,
  type PlacementListKind,
  type PlacementSearch,
  refreshPlacementList,
} from "@/lib/api/use-placement-lists";
import { Combobox, type ComboboxOption } from "@/components/ui/combobox";
import { ErrorStack } from "@/components/error-stack/error-stack";
import { AsOf } from "@/components/inventory/as-of";
import { Field } from "@/components/ui/field";
import { useDebouncedValue } from "@/components/ui/use-debounced-value";

import { type CloneFormPath, fieldId, useCloneFormContext, useFieldError } from "./form-context";
import { SEARCH_DELAY_MS } from "./vm-picker";

type InventoryPage<Item> = { items: Item[]; total: number; as_of?: string };

type InventoryPickerProps<Item> = {
  env: string;
  name: CloneFormPath;
  label: string;
  description?: string;
  /** The empty value's option, e.g. "Same as source (Linux)". */
  keepLabel: string;
  /** What typing matches in it (default: all of keepLabel), e.g. "Same as source". */
  keepMatch?: string;
  /** One of the *Page hooks of lib/api/use-placement-lists: a page of the list for a search. */
  usePage: (env: string, search: PlacementSearch) => UseQueryResult<InventoryPage<Item>>;
  /** Which list usePage reads, for its Refresh. */
  kind: PlacementListKind;
  /** Narrows the list to the source's datacenter (and, for pools, host) once known. */
  scope?: Pick<PlacementSearch, "datacenter" | "host">;
  toOption: (item: Item) => ComboboxOption;
  /** "folders": names the loading, empty and failed states. */
  noun: string;
  onPicked?: (item: Item | undefined) => void;
  valueOf: (item: Item) => string;
};

/**
 * A searchable picker over one of the placement lists. A list that fits in one page is filtered
 * in the page; a longer one (a site with thousands of folders or port groups: the first page's
 * total exceeds its items) is searched on the server, debounced as the Source VM search is.
 */
export function InventoryPicker<Item>({
  env,
  name,
  label,
  description,
  keepLabel,
  keepMatch,
  usePage,
  kind,
  scope,
  toOption,
  noun,
  onPicked,
  valueOf,
}: InventoryPickerProps<Item>) {
  const { control } = useCloneFormContext();
  const queryClient = useQueryClient();
  const [refreshing, setRefreshing] = useState(false);
  const error = useFieldError(name);
  const [search, setSearch] = useState("");
  // What was picked from a search: its option may not be in the page shown once the list closes.
  const [picked, setPicked] = useState<ComboboxOption>();
  const typed = search.trim();
  const q = useDebouncedValue(typed, SEARCH_DELAY_MS);

  const firstPage: PlacementSearch = {
    q: "",
    limit: PLACEMENT_PAGE,
    ...(scope?.datacenter ? { datacenter: scope.datacenter } : {}),
    ...(scope?.host ? { host: scope.host } : {}),
  };
  const first = usePage(env, firstPage);
  const long = first.data !== undefined && first.data.total > first.data.items.length;
  const asked: PlacementSearch = long ? { ...firstPage, q } : firstPage;
  const list = usePage(env, asked);
  const refresh = async () => {
    setRefreshing(true);
    try {
      await refreshPlacementList(queryClient, env, kind, asked);
    } finally {
      setRefreshing(false);
    }
  };

  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  // Until the answer for what was typed arrives, no option is offered: Enter cannot pick from
  // an older search.
  const searching = long && (typed !== q || (list.isFetching && list.isPlaceholderData));
  const options = [
    // Typing "Dev" picks the Dev option, not "Same as source (Dev)": the keep option matches
    // only its own words.
    ...(long && typed ? [] : [{ value: "", label: keepLabel, match: keepMatch ?? keepLabel }]),
    ...items.map(toOption),
  ];
  const footer = long
    ? total > items.length
      ? `${items.length} of ${total.toLocaleString()} matches shown: type to narrow`
      : undefined
    : list.isSuccess && items.length === 0
      ? `This vCenter lists no ${noun}`
      : undefined;

  // The chosen option's text even when a search's page leaves it out (the keep option too):
  // a chosen item that vanished from the options would clear the box under the typing.
  const selectedLabel = (value: string) =>
    value === "" ? keepLabel : picked?.value === value ? picked.label : undefined;

  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => {
        const value = typeof field.value === "string" ? field.value : "";
        return (
          <Field id={fieldId(name)} label={label} description={description} error={error}>
            {(aria) => (
              <>
                <Combobox
                  {...aria}
                  ref={field.ref}
                  name={field.name}
                  value={value}
                  selectedLabel={selectedLabel(value)}
                  onBlur={field.onBlur}
                  onChange={(next) => {
                    field.onChange(next);
                    const item = items.find((i) => valueOf(i) === next);
                    setPicked(item ? toOption(item) : undefined);
                    onPicked?.(item);
                  }}
                  options={options}
                  onSearch={long ? setSearch : undefined}
                  searching={searching}
                  loading={list.isPending}
                  failed={list.isError}
                  footer={footer}
                />
                <AsOf
                  noun={`${label} list`}
                  refreshLabel={`Refresh the ${noun}`}
                  asOf={list.data?.as_of}
                  refreshing={refreshing}
                  onRefresh={() => void refresh()}
                />
                {list.isError && (
                  <ErrorStack error={list.error} title={`The ${noun} list failed`} />
                )}
              </>
            )}
          </Field>
        );
      }}
    />
  );
}
