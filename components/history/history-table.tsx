"use client";

import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";

import { HISTORY_PAGE, useOperations } from "@/lib/api/use-operations";
import { operationStates, type OperationState } from "@/lib/schemas/operation";
import { ErrorStack } from "@/components/error-stack/error-stack";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";

import { formatDuration, formatWhen, OutcomeBadge } from "./outcome-badge";

const outcomeOptions = [
  { value: "", label: "Every outcome" },
  ...operationStates.map((state) => ({
    value: state,
    label: state[0].toUpperCase() + state.slice(1),
  })),
];

/** The environment's submissions, newest first; the filter and page live in the URL. */
export function HistoryTable({ env }: { env: string }) {
  const router = useRouter();
  const search = useSearchParams();
  const outcomeParam = search.get("outcome") ?? "";
  const outcome = (operationStates as readonly string[]).includes(outcomeParam)
    ? (outcomeParam as OperationState)
    : undefined;
  const offset = Math.max(0, Number(search.get("offset")) || 0);
  const operations = useOperations(env, { outcome, offset });

  const go = (next: { outcome?: string; offset?: number }) => {
    const params = new URLSearchParams();
    const o = next.outcome ?? outcome ?? "";
    if (o) params.set("outcome", o);
    if (next.offset) params.set("offset", String(next.offset));
    router.push(`?${params}`);
  };

  const total = operations.data?.total ?? 0;
  const items = operations.data?.items ?? [];
  return (
    <section aria-labelledby="history-heading" className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 id="history-heading" className="text-2xl font-semibold">
          History
        </h1>
        <label className="flex items-center gap-2 text-sm">
          <span>Outcome</span>
          <Select
            aria-label="Outcome"
            options={outcomeOptions}
            value={outcome ?? ""}
            onChange={(event) => go({ outcome: event.target.value, offset: 0 })}
            className="w-44"
          />
        </label>
      </div>
      {operations.isPending && (
        <p role="status" className="text-fg-muted flex items-center gap-2 text-sm">
          <Spinner /> Loading the history…
        </p>
      )}
      {operations.isError && (
        <ErrorStack error={operations.error} title="The history could not be read" />
      )}
      {operations.isSuccess && items.length === 0 && (
        <p className="text-fg-muted text-sm">
          {outcome ? "No submission has this outcome." : "No submissions yet."}{" "}
          <Link className="text-accent underline" href={`/e/${encodeURIComponent(env)}`}>
            Open the clone form
          </Link>
        </p>
      )}
      {items.length > 0 && (
        <div className="border-line overflow-x-auto rounded-lg border">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Instant-clone submissions, newest first</caption>
            <thead className="bg-surface-muted text-fg-muted">
              <tr>
                {["When", "Who", "Source", "Name", "Outcome", "Duration"].map((h) => (
                  <th key={h} scope="col" className="px-3 py-2 font-medium">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {items.map((op) => (
                <tr key={op.id} className="border-line bg-surface border-t">
                  <td className="px-3 py-2 whitespace-nowrap">
                    <Link
                      className="text-accent underline"
                      href={`/e/${encodeURIComponent(env)}/operations/${op.id}`}
                    >
                      {formatWhen(op.started_at)}
                    </Link>
                  </td>
                  <td className="px-3 py-2">{op.user}</td>
                  <td className="px-3 py-2 font-mono">{op.spec.source}</td>
                  <td className="px-3 py-2">{op.spec.name}</td>
                  <td className="px-3 py-2">
                    <OutcomeBadge operation={op} />
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">{formatDuration(op.duration_ms)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {total > HISTORY_PAGE && (
        <nav aria-label="History pages" className="flex items-center gap-3 text-sm">
          <Button
            variant="secondary"
            disabled={offset === 0}
            onClick={() => go({ offset: Math.max(0, offset - HISTORY_PAGE) })}
          >
            Previous
          </Button>
          <span>
            {offset + 1}–{Math.min(total, offset + HISTORY_PAGE)} of {total}
          </span>
          <Button
            variant="secondary"
            disabled={offset + HISTORY_PAGE >= total}
            onClick={() => go({ offset: offset + HISTORY_PAGE })}
          >
            Next
          </Button>
        </nav>
      )}
    </section>
  );
}
