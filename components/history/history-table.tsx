"use client";

import Link from "next/link";
import { useState } from "react";

import { HISTORY_PAGE, useOperations } from "@/lib/api/use-operations";
import { ErrorStack } from "@/components/error-stack/error-stack";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";

import { DeleteSelection } from "./delete-selection";
import { HistoryFilter } from "./history-filter";
import { HistoryPager } from "./history-pager";
import { HistoryRows } from "./history-rows";
import { useHistoryParams } from "./use-history-params";
import { formHref } from "@/components/environment/hrefs";

/** The environment's submissions, newest first; the filter and page live in the URL. */
export function HistoryTable({ env }: { env: string }) {
  const { filter, show } = useHistoryParams(env);
  const operations = useOperations(env, filter);
  const items = operations.data?.items ?? [];
  // Chosen for deletion: operation id → the clone, kept across pages of the history.
  const [selected, setSelected] = useState(new Map<string, { vm: string; name: string }>());
  const toggle = (op: { id: string; vm?: string; spec: { name: string } }) =>
    setSelected((before) => {
      const next = new Map(before);
      if (next.has(op.id)) next.delete(op.id);
      else if (op.vm) next.set(op.id, { vm: op.vm, name: op.spec.name });
      return next;
    });

  return (
    <section aria-labelledby="history-heading" className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 id="history-heading" className="text-2xl font-semibold">
          History
        </h1>
        <HistoryFilter
          outcome={filter.outcome}
          onChange={(outcome) => show({ outcome, offset: 0 })}
        />
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
        <EmptyHistory
          env={env}
          why={operations.data.total > 0 ? "past-end" : filter.outcome ? "filtered" : "none"}
          onFirstPage={() => show({ ...filter, offset: 0 })}
        />
      )}
      {selected.size > 0 && (
        <DeleteSelection
          env={env}
          selected={[...selected.values()]}
          onDone={() => setSelected(new Map())}
        />
      )}
      {items.length > 0 && (
        <HistoryRows
          env={env}
          operations={items}
          selected={new Set(selected.keys())}
          onToggle={toggle}
        />
      )}
      {items.length > 0 && operations.data && (
        <HistoryPager
          offset={filter.offset}
          pageSize={HISTORY_PAGE}
          shown={items.length}
          total={operations.data.total}
          onOffset={(offset) => show({ ...filter, offset })}
        />
      )}
    </section>
  );
}

const emptyTexts = {
  none: "No submissions yet",
  filtered: "No submission has this outcome",
  "past-end": "No submissions on this page",
} as const;

function EmptyHistory({
  env,
  why,
  onFirstPage,
}: {
  env: string;
  why: keyof typeof emptyTexts;
  onFirstPage: () => void;
}) {
  return (
    <div className="border-line bg-surface rounded-lg border p-6 text-sm">
      <p className="font-semibold">{emptyTexts[why]}</p>
      {why === "past-end" ? (
        <Button size="sm" className="mt-3" onClick={onFirstPage}>
          Go to the first page
        </Button>
      ) : (
        <p className="text-fg-muted mt-1">
          Every instant clone sent from this console is listed here, with its outcome.{" "}
          <Link className="text-accent underline" href={formHref(env)}>
            Open the clone form
          </Link>
        </p>
      )}
    </div>
  );
}
