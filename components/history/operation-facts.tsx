"use client";

import type { ReactNode } from "react";

import { useVm } from "@/lib/api/use-vm";
import type { Operation } from "@/lib/schemas/operation";

import { formatDuration } from "./format-time";
import { OutcomeBadge } from "./outcome-badge";
import { When } from "./when";

/** Who sent it, when, how long vCenter took, and the outcome at a glance. */
export function OperationFacts({ env, operation: op }: { env: string; operation: Operation }) {
  // The source by name when it still exists; its id alone otherwise.
  const source = useVm(env, op.spec.source).data;
  const facts: [string, ReactNode][] = [
    ["Outcome", <OutcomeBadge key="outcome" operation={op} />],
    ["By", op.user],
    ["Sent", <When key="sent" iso={op.started_at} />],
    ["Duration", formatDuration(op.duration_ms)],
    [
      "Source",
      <span key="source">
        {source ? (
          <>
            {source.name} (<span className="font-mono">{op.spec.source}</span>)
          </>
        ) : (
          <span className="font-mono">{op.spec.source}</span>
        )}
      </span>,
    ],
    [
      "Operation",
      <span key="id" className="font-mono">
        {op.id}
      </span>,
    ],
  ];
  return (
    <dl className="border-line bg-surface grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 rounded-lg border p-4 text-sm">
      {facts.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-fg-muted">{label}</dt>
          <dd className="break-all">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
