import type { ReactNode } from "react";

import { cn } from "./cn";

const tones = {
  neutral: "bg-surface-muted text-fg-muted border-line",
  success: "bg-success-soft text-success border-success/40",
  warning: "bg-warning-soft text-warning border-warning/40",
  danger: "bg-danger-soft text-danger border-danger/40",
  info: "bg-accent-soft text-accent border-accent/40",
} as const;

export type BadgeTone = keyof typeof tones;

export function Badge({ tone = "neutral", children }: { tone?: BadgeTone; children: ReactNode }) {
  return (
    <span
      className={cn(
        "inline-flex items-center rounded border px-1.5 py-0.5 text-xs leading-none font-medium",
        tones[tone],
      )}
    >
      {children}
    </span>
  );
}
