"use client";

import {
  type KeyboardEvent,
  type ReactNode,
  type Ref,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";

import { cn } from "./cn";
import type { FieldControlProps } from "./field";
import { controlClass } from "./input";
import { Spinner } from "./spinner";

export type ComboboxOption = {
  value: string;
  label: string;
  /** Second line: an id, a size, a type. Searched as well as the label. */
  hint?: string;
  badges?: ReactNode;
};

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

const MAX_RENDERED = 200;

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
  const [open, setOpen] = useState(false);
  const [text, setText] = useState<string | null>(null); // null: not typing, show the value
  const [active, setActive] = useState(-1);
  const listId = `${id}-listbox`;

  const chosen = options.find((option) => option.value === value);
  const display = chosen?.label ?? selectedLabel ?? value;
  const filter = (text ?? "").trim().toLowerCase();

  const matches = useMemo(() => {
    if (onSearch || !filter) return options;
    return options.filter((o) =>
      `${o.label} ${o.hint ?? ""} ${o.value}`.toLowerCase().includes(filter),
    );
  }, [options, filter, onSearch]);
  const shown = matches.slice(0, MAX_RENDERED);

  const listRef = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (open && active >= 0)
      listRef.current?.children[active]?.scrollIntoView({ block: "nearest" });
  }, [open, active]);

  const openList = () => {
    setOpen(true);
    setActive(
      Math.max(
        0,
        shown.findIndex((o) => o.value === value),
      ),
    );
  };
  const close = () => {
    setOpen(false);
    setText(null);
    setActive(-1);
    onSearch?.("");
  };
  const pick = (option: ComboboxOption) => {
    onChange(option.value);
    close();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const last = shown.length - 1;
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        if (!open) openList();
        else setActive((i) => Math.min(last, i + 1));
        break;
      case "ArrowUp":
        event.preventDefault();
        if (!open) openList();
        else setActive((i) => Math.max(0, i - 1));
        break;
      case "PageDown":
      case "PageUp":
        if (!open) return;
        event.preventDefault();
        setActive((i) => (event.key === "PageDown" ? Math.min(last, i + 10) : Math.max(0, i - 10)));
        break;
      case "Enter":
        if (open && shown[active]) {
          event.preventDefault();
          pick(shown[active]);
        }
        break;
      case "Escape":
        if (open) {
          event.preventDefault();
          close();
        }
        break;
      case "Tab":
        if (open) close();
        break;
    }
  };

  const activeId = open && shown[active] ? `${id}-option-${active}` : undefined;
  const status = loading
    ? "Loading…"
    : failed
      ? "The list could not be loaded"
      : options.length === 0 && !filter
        ? emptyText
        : shown.length === 0
          ? `Nothing matches “${text?.trim()}”`
          : undefined;

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
        aria-activedescendant={activeId}
        autoComplete="off"
        spellCheck={false}
        disabled={disabled}
        placeholder={placeholder}
        className={cn(controlClass, "pr-9")}
        value={text ?? display}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setActive(0);
          onSearch?.(event.target.value);
        }}
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
              <li
                key={option.value}
                id={`${id}-option-${index}`}
                role="option"
                aria-selected={index === active}
                // Keep focus in the text box: the click must not blur it first.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => pick(option)}
                onMouseMove={() => setActive(index)}
                className={cn(
                  "flex cursor-pointer items-center justify-between gap-3 px-3 py-2 text-sm",
                  index === active && "bg-accent-soft",
                  option.value === value && "font-semibold",
                )}
              >
                <span className="min-w-0">
                  <span className="block truncate">
                    {option.value === value && <span aria-hidden="true">✓ </span>}
                    {option.label}
                  </span>
                  {option.hint && (
                    <span className="text-fg-muted block truncate text-xs font-normal">
                      {option.hint}
                    </span>
                  )}
                </span>
                {option.badges && <span className="flex shrink-0 gap-1">{option.badges}</span>}
              </li>
            ))}
        </ul>
        {open && (status || footer || matches.length > shown.length) && (
          <div role="status" className="border-line text-fg-muted border-t px-3 py-2 text-xs">
            {status ??
              footer ??
              `${shown.length} of ${matches.length} shown: type to narrow the list`}
          </div>
        )}
      </div>
    </div>
  );
}
