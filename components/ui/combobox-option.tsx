import type { ReactNode } from "react";

import { cn } from "./cn";

export type ComboboxOption = {
  value: string;
  label: string;
  /** Second line: an id, a size, a type. Searched as well as the label. */
  hint?: string;
  badges?: ReactNode;
};

type ComboboxOptionRowProps = {
  id: string;
  option: ComboboxOption;
  active: boolean;
  chosen: boolean;
  onPick: () => void;
  onHover: () => void;
};

/** One option; "active" is where the arrows are, "chosen" is the field's value (✓). */
export function ComboboxOptionRow({
  id,
  option,
  active,
  chosen,
  onPick,
  onHover,
}: ComboboxOptionRowProps) {
  return (
    <li
      id={id}
      role="option"
      aria-selected={active}
      // Keep focus in the text box: the click must not blur it first.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onPick}
      onMouseMove={onHover}
      className={cn(
        "flex cursor-pointer items-center justify-between gap-3 px-3 py-2 text-sm",
        active && "bg-accent-soft",
        chosen && "font-semibold",
      )}
    >
      <span className="min-w-0">
        <span className="block truncate">
          {chosen && <span aria-hidden="true">✓ </span>}
          {option.label}
        </span>
        {option.hint && (
          <span className="text-fg-muted block truncate text-xs font-normal">{option.hint}</span>
        )}
      </span>
      {option.badges && <span className="flex shrink-0 gap-1">{option.badges}</span>}
    </li>
  );
}
