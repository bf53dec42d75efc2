import type { ComponentProps } from "react";

import { cn } from "./cn";
import { controlClass } from "./input";

export type SelectOption = { value: string; label: string };

type SelectProps = Omit<ComponentProps<"select">, "children"> & { options: SelectOption[] };

/** The native select: keyboard, screen reader and mobile behaviour come for free. */
export function Select({ options, className, ...props }: SelectProps) {
  return (
    <select className={cn(controlClass, "pr-8", className)} {...props}>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
