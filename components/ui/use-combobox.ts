import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from "react";

import type { ComboboxOption } from "./combobox-option";

const MAX_RENDERED = 200;

type UseComboboxArgs = {
  value: string;
  options: ComboboxOption[];
  onChange: (value: string) => void;
  onSearch?: (text: string) => void;
};

/**
 * The combobox's state and keys (ARIA combobox pattern, list autocomplete): what is typed, which
 * options match, which one is active, and the keys that move, pick and close.
 */
export function useCombobox({ value, options, onChange, onSearch }: UseComboboxArgs) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState<string | null>(null); // null: not typing, show the value
  const [active, setActive] = useState(-1);
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
  const type = (typed: string) => {
    setText(typed);
    setOpen(true);
    setActive(0);
    onSearch?.(typed);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const last = shown.length - 1;
    const move = (to: (i: number) => number) => {
      event.preventDefault();
      if (!open) openList();
      else setActive((i) => Math.max(0, Math.min(last, to(i))));
    };
    switch (event.key) {
      case "ArrowDown":
        return move((i) => i + 1);
      case "ArrowUp":
        return move((i) => i - 1);
      case "PageDown":
        return open && move((i) => i + 10);
      case "PageUp":
        return open && move((i) => i - 10);
      case "Enter":
        if (open && shown[active]) {
          event.preventDefault();
          pick(shown[active]);
        }
        return;
      case "Escape":
        if (open) {
          event.preventDefault();
          close();
        }
        return;
      case "Tab":
        if (open) close();
        return;
    }
  };

  return {
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
  };
}
