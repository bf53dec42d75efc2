"use client";

import type { ReactNode, Ref } from "react";

import { cn } from "./cn";
import { type ComboboxOption, ComboboxOptionRow } from "./combobox-option";
import type { FieldControlProps } from "./field";
import { controlClass } from "./input";
import { Spinner } from "./spinner";
import { usePicker } from "./use-picker";

export type { ComboboxOption } from "./combobox-option";

type ComboboxProps = FieldControlProps & {
  value: string;
  onChange: (value: string) => void;
  options: ComboboxOption[];
  /** Text for a value whose option is not loaded (a search result list that moved on). */
  selectedLabel?: string;
  /** Server-side search: the parent fetches options for the text. Without it, filtering is local. */
  onSearch?: (text: string) => void;
  /** The answer for the typed text has not arrived: "Searching…", and no option to pick. */
  searching?: boolean;
  loading?: boolean;
  /** The list failed; the details are shown by the parent, under the field. */
  failed?: boolean;
  /** Shown when there are no options at all (not when a search matched nothing). */
  emptyText?: string;
  /** Under the options, e.g. "50 of 4,000 matches shown: type to narrow". */
  footer?: ReactNode;
  placeholder?: string;
  disabled?: boolean;
  name?: string;
  onBlur?: () => void;
  ref?: Ref<HTMLInputElement>;
};

/**
 * A searchable single-select: downshift's ARIA 1.2 combobox (focus stays in the text box,
 * arrows move the highlight, Enter picks it, Escape closes and restores the chosen value).
 * Clicking into it selects its text, so typing replaces it. Enter never submits the form.
 */
export function Combobox({
  id,
  value,
  onChange,
  options,
  selectedLabel,
  onSearch,
  searching,
  loading,
  failed,
  emptyText = "Nothing to choose from",
  footer,
  placeholder,
  disabled,
  name,
  onBlur,
  ref,
  ...aria
}: ComboboxProps) {
  const picker = usePicker({ id, value, options, selectedLabel, onChange, onSearch, searching });
  const { isOpen, highlightedIndex, shown, matches, text, filter } = picker;
  const status = searching
    ? "Searching…"
    : loading
      ? "Loading…"
      : failed
        ? "The list could not be loaded"
        : options.length === 0 && !filter
          ? emptyText
          : shown.length === 0
            ? `Nothing matches “${text?.trim()}”`
            : matches.length > shown.length
              ? `${shown.length} of ${matches.length} matches shown: type to narrow`
              : footer;

  const { ref: downshiftRef, ...inputProps } = picker.getInputProps({
    ...aria,
    // Enter in a picker picks (downshift, when open) or does nothing: it never submits.
    onKeyDown: (event) => {
      if (event.key === "Enter") event.preventDefault();
    },
    onClick: (event) => {
      if (text === null) event.currentTarget.select();
    },
    onBlur,
    "aria-activedescendant": picker.highlighted ? `${id}-option-${highlightedIndex}` : undefined,
  });

  return (
    <div className="relative">
      <input
        type="text"
        spellCheck={false}
        disabled={disabled}
        placeholder={placeholder}
        name={name}
        className={cn(controlClass, "pr-9")}
        {...inputProps}
        ref={(node) => {
          (downshiftRef as (node: HTMLInputElement | null) => void)(node);
          if (typeof ref === "function") ref(node);
          else if (ref) ref.current = node;
        }}
      />

      <span
        aria-hidden="true"
        className="text-fg-muted pointer-events-none absolute inset-y-0 right-3 flex items-center"
      >
        {loading || searching ? <Spinner /> : "▾"}
      </span>
      <div
        className={cn(
          "border-line-strong bg-surface absolute z-20 mt-1 w-full overflow-hidden rounded-md border shadow-lg",
          !isOpen && "hidden",
        )}
      >
        <ul {...picker.getMenuProps()} className="max-h-72 overflow-auto py-1">
          {isOpen &&
            shown.map((option, index) => (
              <ComboboxOptionRow
                key={option.value}
                option={option}
                active={index === highlightedIndex}
                chosen={option.value === value}
                itemProps={picker.getItemProps({ item: option, index })}
              />
            ))}
        </ul>
        {isOpen && status && (
          <div role="status" className="border-line text-fg-muted border-t px-3 py-2 text-xs">
            {status}
          </div>
        )}
      </div>
    </div>
  );
}
