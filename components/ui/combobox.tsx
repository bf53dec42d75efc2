"use client";

import type { ReactNode, Ref } from "react";

import { cn } from "./cn";
import { type ComboboxOption, ComboboxOptionRow } from "./combobox-option";
import type { FieldControlProps } from "./field";
import { controlClass } from "./input";
import { Spinner } from "./spinner";
import { useCombobox } from "./use-combobox";

export type { ComboboxOption } from "./combobox-option";

type ComboboxProps = FieldControlProps & {
  value: string;
  onChange: (value: string) => void;
  options: ComboboxOption[];
  /** Text for a value whose option is not loaded (a search result list that moved on). */
  selectedLabel?: string;
  /** Server-side search: the parent fetches options for the text. Without it, filtering is local. */
  onSearch?: (text: string) => void;
  loading?: boolean;
  /** The list failed; the details are shown by the parent, under the field. */
  failed?: boolean;
  /** Shown when there are no options at all (not when a search matched nothing). */
  emptyText?: string;
  /** Under the options, e.g. "50 of 4,000 shown: type to narrow". */
  footer?: ReactNode;
  placeholder?: string;
  disabled?: boolean;
  name?: string;
  onBlur?: () => void;
  ref?: Ref<HTMLInputElement>;
};

/**
 * A searchable single-select following the ARIA combobox pattern (list autocomplete): focus
 * stays in the text box, arrows move the active option (aria-activedescendant), Enter picks it,
 * Escape closes and restores the chosen value's text.
 */
export function Combobox({
  id,
  value,
  onChange,
  options,
  selectedLabel,
  onSearch,
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
  const {
    open,
    text,
    filter,
    active,
    setActive,
    matches,
    shown,
    listRef,
    openList,
    close,
    pick,
    type,
    onKeyDown,
  } = useCombobox({ value, options, onChange, onSearch });
  const listId = `${id}-listbox`;
  const optionId = (index: number) => `${id}-option-${index}`;
  const display = options.find((o) => o.value === value)?.label ?? selectedLabel ?? value;
  const status = loading
    ? "Loading…"
    : failed
      ? "The list could not be loaded"
      : options.length === 0 && !filter
        ? emptyText
        : shown.length === 0
          ? `Nothing matches “${text?.trim()}”`
          : matches.length > shown.length
            ? `${shown.length} of ${matches.length} shown: type to narrow the list`
            : footer;

  return (
    <div className="relative">
      <input
        ref={ref}
        id={id}
        name={name}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && shown[active] ? optionId(active) : undefined}
        autoComplete="off"
        spellCheck={false}
        disabled={disabled}
        placeholder={placeholder}
        className={cn(controlClass, "pr-9")}
        value={text ?? display}
        onChange={(event) => type(event.target.value)}
        onClick={() => (open ? undefined : openList())}
        onKeyDown={onKeyDown}
        onBlur={() => {
          close();
          onBlur?.();
        }}
        {...aria}
      />
      <span
        aria-hidden="true"
        className="text-fg-muted pointer-events-none absolute inset-y-0 right-3 flex items-center"
      >
        {loading ? <Spinner /> : "▾"}
      </span>
      <div
        className={cn(
          "border-line-strong bg-surface absolute z-20 mt-1 w-full overflow-hidden rounded-md border shadow-lg",
          !open && "hidden",
        )}
      >
        <ul
          ref={listRef}
          id={listId}
          role="listbox"
          aria-labelledby={`${id}-label`}
          className="max-h-72 overflow-auto py-1"
        >
          {open &&
            shown.map((option, index) => (
              <ComboboxOptionRow
                key={option.value}
                id={optionId(index)}
                option={option}
                active={index === active}
                chosen={option.value === value}
                onPick={() => pick(option)}
                onHover={() => setActive(index)}
              />
            ))}
        </ul>
        {open && status && (
          <div role="status" className="border-line text-fg-muted border-t px-3 py-2 text-xs">
            {status}
          </div>
        )}
      </div>
    </div>
  );
}
