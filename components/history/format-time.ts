// How the history shows times: the operator's local clock, how long ago, and how long it took.

/** The operator's local date and time in their own format, e.g. "11/27/2026, 9:14:03 AM". */
export const formatWhen = (iso: string) => new Date(iso).toLocaleString();

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/** "just now", "5 minutes ago", "yesterday": the largest whole unit, in the operator's language. */
export function formatRelative(iso: string, now = Date.now(), locale?: string): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  for (const [unit, size] of units)
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  return Math.abs(seconds) < 10 ? "just now" : format.format(seconds, "second");
}

/** "850 ms", "4.2 s", "2 min 5 s"; a dash while the submission is under way. */
export function formatDuration(ms?: number): string {
  if (ms === undefined) return "—";
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}
