"use client";

import { lazy, Suspense } from "react";

import { BATCH_MAX_CLONES } from "@/lib/schemas/batch-names";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

import type { BatchDraftState } from "./batch-draft";

const BatchNames = lazy(() =>
  import("./batch-names-section").then((module) => ({ default: module.BatchNames })),
);

const whole = (text: string) => (text.trim() === "" ? NaN : Number(text));

/** How many clones; above 1, their names as a pattern or a pasted list, previewed and checked. */
export function BatchSection({ env, batch }: { env: string; batch: BatchDraftState }) {
  const { draft, update, isBatch } = batch;
  return (
    <Card
      title="How many"
      description="One clone, or a batch run by the console: closing this page does not stop it."
    >
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="batch-count" label="How many" aside={`1–${BATCH_MAX_CLONES}`}>
          {(aria) => (
            <Input
              {...aria}
              type="number"
              min={1}
              max={BATCH_MAX_CLONES}
              value={Number.isNaN(draft.count) ? "" : draft.count}
              onChange={(e) => update({ count: whole(e.target.value) })}
            />
          )}
        </Field>
        {isBatch && (
          <Field id="batch-concurrency" label="At once" description="Clones sent at the same time.">
            {(aria) => (
              <Input
                {...aria}
                type="number"
                min={1}
                max={20}
                value={Number.isNaN(draft.concurrency) ? "" : draft.concurrency}
                onChange={(e) => update({ concurrency: whole(e.target.value) })}
              />
            )}
          </Field>
        )}
      </div>
      {isBatch && (
        <Suspense
          fallback={
            <p role="status" className="text-fg-muted mt-4 text-sm">
              Loading…
            </p>
          }
        >
          <BatchNames env={env} batch={batch} />
        </Suspense>
      )}
    </Card>
  );
}
