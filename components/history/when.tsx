import { formatRelative, formatWhen } from "./format-time";

/** A moment in the operator's local time, with how long ago it was; the exact instant on hover. */
export function When({ iso }: { iso: string }) {
  return (
    <span className="inline-flex flex-col">
      <time dateTime={iso} title={iso}>
        {formatWhen(iso)}
      </time>
      <span className="text-fg-muted text-xs">{formatRelative(iso)}</span>
    </span>
  );
}
