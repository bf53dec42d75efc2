import type { ComponentProps } from "react";

import { cn } from "./cn";

export const controlClass = cn(
  "h-10 w-full rounded-md border border-line-strong bg-surface px-3 text-sm text-fg",
  "placeholder:text-fg-muted disabled:opacity-60",
  "aria-[invalid=true]:border-danger aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-danger",
);

export function Input({ className, ...props }: ComponentProps<"input">) {
  return <input className={cn(controlClass, className)} {...props} />;
}
