import type { ReactNode } from "react";

import { cn } from "./cn";

const tones = {
  info: "border-accent/50 bg-accent-soft",
  warning: "border-warning/60 bg-warning-soft",
  danger: "border-danger/60 bg-danger-soft",
  success: "border-success/60 bg-success-soft",
} as const;

const titleTones = {
  info: "text-accent",
  warning: "text-warning",
  danger: "text-danger",
  success: "text-success",
} as const;

type AlertProps = {
  tone?: keyof typeof tones;
  title?: ReactNode;
  children?: ReactNode;
  /** "alert" for news the operator must hear now, "status" for polite updates, none for static text. */
  role?: "alert" | "status";
  className?: string;
};

export function Alert({ tone = "info", title, children, role, className }: AlertProps) {
  return (
    <div role={role} className={cn("rounded-md border px-4 py-3 text-sm", tones[tone], className)}>
      {title && <p className={cn("font-semibold", titleTones[tone])}>{title}</p>}
      {children && <div className={cn("text-fg", title ? "mt-1" : "")}>{children}</div>}
    </div>
  );
}
