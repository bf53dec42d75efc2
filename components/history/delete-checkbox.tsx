import type { Operation } from "@/lib/schemas/operation";

import { deletable } from "./after-clone-note";

export type HistoryRowsProps = {
  env: string;
  operations: Operation[];
  /** Operation ids chosen for deletion; only clones still there can be chosen. */
  selected: ReadonlySet<string>;
  onToggle: (operation: Operation) => void;
};

/** The checkbox that chooses a clone for deletion, in a table row or on a card. */
export function DeleteCheckbox({
  operation,
  selected,
  onToggle,
}: { operation: Operation } & Pick<HistoryRowsProps, "selected" | "onToggle">) {
  if (!deletable(operation)) return null;
  return (
    <input
      type="checkbox"
      className="size-4"
      aria-label={`Select ${operation.spec.name} for deletion`}
      checked={selected.has(operation.id)}
      onChange={() => onToggle(operation)}
    />
  );
}
