import type { Operation } from "@/lib/schemas/operation";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const tones: Record<Operation["state"], BadgeTone> = {
  succeeded: "success",
  failed: "danger",
  unknown: "warning",
  pending: "info",
};

const labels: Record<Operation["state"], string> = {
  succeeded: "Succeeded",
  failed: "Failed",
  unknown: "Outcome unknown",
  pending: "Under way",
};

/** The outcome of a submission, and whether it was settled by looking the name up in vCenter. */
export function OutcomeBadge({
  operation,
}: {
  operation: Pick<Operation, "state" | "settled_by">;
}) {
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <Badge tone={tones[operation.state]}>{labels[operation.state]}</Badge>
      {operation.settled_by && <Badge tone="neutral">settled by lookup</Badge>}
    </span>
  );
}

export const formatDuration = (ms?: number) =>
  ms === undefined ? "—" : ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;

export const formatWhen = (iso: string) => new Date(iso).toLocaleString();
