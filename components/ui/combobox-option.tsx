import type { HTMLAttributes, ReactNode } from "react";

import { cn } from "./cn";

export type ComboboxOption = {
  value: string;
  label: string;
  /** Second line: an id, a size, a type. Searched as well as the label. */
  hint?: string;
  /** What typing matches instead of the label, hint and value. */
  match?: string;
  badges?: ReactNode;
};

type ComboboxOptionRowProps = {
  option: ComboboxOption;
  active: boolean;
  chosen: boolean;
  /** Downshift's role, id, aria-selected and handlers for this option. */
  itemProps: HTMLAttributes<HTMLLIElement>;
};

/** One option; "active" is where the arrows are, "chosen" is the field's value (✓). */
export function ComboboxOptionRow({ option, active, chosen, itemProps }: ComboboxOptionRowProps) {
  return (
    <li
      {...itemProps}
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
