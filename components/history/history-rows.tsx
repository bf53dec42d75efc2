import Link from "next/link";

import type { Operation } from "@/lib/schemas/operation";

import { formatDuration } from "./format-time";
import { operationHref } from "@/components/environment/hrefs";
import { AfterCloneNote, deletable } from "./after-clone-note";
import { OutcomeBadge, outcomeNotes } from "./outcome-badge";
import { useSourceNames } from "./use-source-names";
import { When } from "./when";

const columns = ["When", "Who", "Source", "Name", "Outcome", "Duration"];

type HistoryRowsProps = {
  env: string;
  operations: Operation[];
  /** Operation ids chosen for deletion; only clones still there can be chosen. */
  selected: ReadonlySet<string>;
  onToggle: (operation: Operation) => void;
};

/** One page of submissions; the name of each opens the submission in full. */
export function HistoryRows({ env, operations, selected, onToggle }: HistoryRowsProps) {
  const sourceName = useSourceNames(
    env,
    operations.map((op) => op.spec.source),
  );
  return (
    <div className="border-line overflow-x-auto rounded-lg border">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Instant-clone submissions, newest first</caption>
        <thead className="bg-surface-muted text-fg-muted">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              <span className="sr-only">Select for deletion</span>
            </th>
            {columns.map((column) => (
              <th key={column} scope="col" className="px-3 py-2 font-medium">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {operations.map((op) => (
            <tr key={op.id} className="border-line bg-surface border-t align-top">
              <td className="px-3 py-2">
                {deletable(op) && (
                  <input
                    type="checkbox"
                    className="size-4"
                    aria-label={`Select ${op.spec.name} for deletion`}
                    checked={selected.has(op.id)}
                    onChange={() => onToggle(op)}
                  />
                )}
              </td>
              <td className="px-3 py-2 whitespace-nowrap">
                <When iso={op.started_at} />
              </td>
              <td className="px-3 py-2 whitespace-nowrap">{op.user}</td>
              <td className="px-3 py-2 whitespace-nowrap">
                {sourceName(op.spec.source) && (
                  <span className="block">{sourceName(op.spec.source)}</span>
                )}
                <span className="text-fg-muted font-mono text-xs">{op.spec.source}</span>
              </td>
              <td className="min-w-40 px-3 py-2 wrap-anywhere">
                <Link
                  className="text-accent font-medium underline-offset-2 hover:underline"
                  href={operationHref(env, op.id)}
                >
                  {op.spec.name}
                </Link>
              </td>
              <td className="px-3 py-2">
                <OutcomeBadge operation={op} />
                {outcomeNotes[op.state] && (
                  <p className="text-fg-muted mt-1 max-w-56 text-xs">{outcomeNotes[op.state]}</p>
                )}
                <AfterCloneNote operation={op} />
              </td>
              <td className="px-3 py-2 whitespace-nowrap">{formatDuration(op.duration_ms)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
