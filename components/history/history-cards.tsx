import Link from "next/link";

import { operationHref } from "@/components/environment/hrefs";

import { AfterCloneNote } from "./after-clone-note";
import { formatDuration } from "./format-time";
import { DeleteCheckbox, type HistoryRowsProps } from "./delete-checkbox";
import { OutcomeBadge, outcomeNotes } from "./outcome-badge";
import { When } from "./when";

type HistoryCardsProps = HistoryRowsProps & {
  sourceName: (id: string) => string | undefined;
};

/** The history on a phone: one card per submission instead of a table wider than the screen. */
export function HistoryCards({
  env,
  operations,
  sourceName,
  selected,
  onToggle,
}: HistoryCardsProps) {
  return (
    <ul aria-label="Instant-clone submissions, newest first" className="space-y-3">
      {operations.map((op) => (
        <li key={op.id} className="border-line bg-surface space-y-2 rounded-lg border p-4 text-sm">
          <div className="flex flex-wrap items-start justify-between gap-2">
            <span className="flex min-w-0 items-center gap-2">
              <DeleteCheckbox operation={op} selected={selected} onToggle={onToggle} />
              <Link
                className="text-accent font-medium wrap-anywhere underline-offset-2 hover:underline"
                href={operationHref(env, op.id)}
              >
                {op.spec.name}
              </Link>
            </span>
            <OutcomeBadge operation={op} />
          </div>
          {outcomeNotes[op.state] && (
            <p className="text-fg-muted text-xs">{outcomeNotes[op.state]}</p>
          )}
          <AfterCloneNote operation={op} />
          <dl className="text-fg-muted grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 text-xs">
            <dt>When</dt>
            <dd className="text-fg">
              <When iso={op.started_at} />
            </dd>
            <dt>Who</dt>
            <dd className="text-fg break-all">{op.user}</dd>
            <dt>Source</dt>
            <dd className="text-fg break-all">
              {sourceName(op.spec.source) ?? ""}{" "}
              <span className="text-fg-muted font-mono">{op.spec.source}</span>
            </dd>
            <dt>Duration</dt>
            <dd className="text-fg">{formatDuration(op.duration_ms)}</dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}
