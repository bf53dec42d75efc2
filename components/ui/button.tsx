import type { ComponentProps } from "react";

import { cn } from "./cn";

const variants = {
  primary: "bg-accent text-accent-fg hover:bg-accent-hover border-transparent",
  secondary: "bg-surface text-fg border-line-strong hover:bg-surface-muted",
  /** A secondary button in the link colour: for links styled as buttons. */
  link: "bg-surface text-accent border-line-strong hover:bg-surface-muted",
  ghost: "bg-transparent text-accent border-transparent hover:bg-accent-soft",
  danger: "bg-surface text-danger border-danger hover:bg-danger-soft",
} as const;

const sizes = {
  sm: "h-8 px-2.5 text-sm gap-1.5",
  md: "h-10 px-4 text-sm gap-2",
} as const;

export type ButtonProps = ComponentProps<"button"> & {
  variant?: keyof typeof variants;
  size?: keyof typeof sizes;
};

/** A button's classes, also for a link that should look like one (a page to go to). */
export const buttonClass = (
  variant: keyof typeof variants = "secondary",
  size: keyof typeof sizes = "md",
  className?: string,
) =>
  cn(
    "inline-flex shrink-0 items-center justify-center rounded-md border font-medium whitespace-nowrap transition-colors",
    "disabled:cursor-not-allowed disabled:opacity-60",
    variants[variant],
    sizes[size],
    className,
  );

export function Button({
  variant = "secondary",
  size = "md",
  type = "button",
  className,
  ...props
}: ButtonProps) {
  return <button type={type} className={buttonClass(variant, size, className)} {...props} />;
}
