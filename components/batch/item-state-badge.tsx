import type { BatchItemState } from "@/lib/schemas/batch-status";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const tones: Record<BatchItemState, BadgeTone> = {
  pending: "neutral",
  running: "info",
  succeeded: "success",
  failed: "danger",
  unknown: "warning",
  cancelled: "neutral",
};

export const itemStateLabels: Record<BatchItemState, string> = {
  pending: "Pending",
  running: "Running",
  succeeded: "Succeeded",
  failed: "Failed",
  unknown: "Unknown",
  cancelled: "Cancelled",
};

export const ItemStateBadge = ({ state }: { state: BatchItemState }) => (
  <Badge tone={tones[state]}>{itemStateLabels[state]}</Badge>
);
