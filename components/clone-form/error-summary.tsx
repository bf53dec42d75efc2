"use client";

import { useEffect, useRef } from "react";

import { cn } from "@/components/ui/cn";

import { type CloneFormPath, fieldId } from "./form-context";

export type SummaryItem = {
  /** The field to go to, or the id of an element (the error stack) for a problem of no field. */
  path?: CloneFormPath;
  target?: string;
  label: string;
  message: string;
};

type ErrorSummaryProps = {
  items: SummaryItem[];
  /** Changes with every failed submit, so the summary takes the focus again. */
  attempt: number;
  onGoTo: (item: SummaryItem) => void;
};

/**
 * After a failed submit: every problem in one list, each linking to its field, focused and
 * brought into view so the operator sees at once that (and why) nothing was made.
 */
export function ErrorSummary({ items, attempt, onGoTo }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
    ref.current?.scrollIntoView({ block: "center" });
  }, [attempt]);
  if (items.length === 0) return null;
  const count = `${items.length} problem${items.length === 1 ? "" : "s"}`;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby="error-summary-title"
      className={cn(
        "border-danger bg-danger-soft rounded-lg border-2 p-4 outline-none",
        "focus-visible:ring-danger focus:ring-2 focus:ring-offset-2",
      )}
    >
      <h2 id="error-summary-title" className="text-base font-semibold">
        {`The clone was not made: ${count}`}
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
        {items.map((item) => (
          <li key={`${item.path ?? item.target}:${item.message}`}>
            <a
              href={`#${item.path ? fieldId(item.path) : item.target}`}
              className="text-danger font-medium underline underline-offset-2"
              onClick={(event) => {
                event.preventDefault();
                onGoTo(item);
              }}
            >
              {item.label}
            </a>
            {`: ${item.message}`}
          </li>
        ))}
      </ul>
    </div>
  );
}
