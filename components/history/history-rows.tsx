import Link from "next/link";

import { formatDuration } from "./format-time";
import { HistoryCards } from "./history-cards";
import { operationHref } from "@/components/environment/hrefs";
import { type Column, DataTable } from "@/components/ui/data-table";
import { AfterCloneNote } from "./after-clone-note";
import { DeleteCheckbox, type HistoryRowsProps } from "./delete-checkbox";
import { OutcomeBadge, outcomeNotes } from "./outcome-badge";
import { useSourceNames } from "./use-source-names";
import { When } from "./when";

const columns: Column[] = [
  { srOnly: "Select for deletion" },
  "When",
  "Who",
  "Source",
  "Name",
  "Outcome",
  "Duration",
];

/** One page of submissions, a table (cards on a phone); each name opens the submission in full. */
export function HistoryRows({ env, operations, selected, onToggle }: HistoryRowsProps) {
  const sourceName = useSourceNames(
    env,
    operations.map((op) => op.spec.source),
  );
  return (
    <>
      <div className="md:hidden">
        <HistoryCards
          env={env}
          operations={operations}
          sourceName={sourceName}
          selected={selected}
          onToggle={onToggle}
        />
      </div>
      <DataTable
        caption="Instant-clone submissions, newest first"
        columns={columns}
        className="hidden md:block"
      >
        {operations.map((op) => (
          <tr key={op.id} className="border-line bg-surface border-t align-top">
            <td className="px-3 py-2">
              <DeleteCheckbox operation={op} selected={selected} onToggle={onToggle} />
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
      </DataTable>
    </>
  );
}
