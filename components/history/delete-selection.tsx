"use client";

import { useState } from "react";

import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { TypedConfirmation } from "@/components/ui/typed-confirmation";

import { type DeleteStep, type DeleteTarget, useDeleteMany } from "./use-delete-many";

type DeleteSelectionProps = {
  env: string;
  selected: DeleteTarget[];
  onDone: () => void;
};

const stepTexts: Record<DeleteStep["state"], string> = {
  waiting: "waiting",
  deleting: "powering off and deleting…",
  deleted: "deleted",
  failed: "not deleted",
  skipped: "not sent (cancelled)",
};

/** Deleting several clones: the count typed to confirm, then each one's progress. */
export function DeleteSelection({ env, selected, onDone }: DeleteSelectionProps) {
  const [confirming, setConfirming] = useState(false);
  const many = useDeleteMany(env);
  const count = selected.length;

  if (many.steps.length > 0) {
    const done = many.steps.filter((s) => s.state === "deleted").length;
    return (
      <section aria-label="Deleting the selected clones" className="space-y-2">
        <p role="status" className="flex items-center gap-2 text-sm font-medium">
          {many.running && <Spinner />}
          Deleted {done} of {many.steps.length}
        </p>
        <ul className="space-y-1 text-sm">
          {many.steps.map((step) => (
            <li key={step.vm}>
              <span className="font-medium">{step.name}</span>{" "}
              <span className="text-fg-muted font-mono">{step.vm}</span>:{" "}
              <span className={step.state === "failed" ? "text-danger" : ""}>
                {stepTexts[step.state]}
                {step.message && ` — ${step.message}`}
              </span>
            </li>
          ))}
        </ul>
        {many.running ? (
          <Button size="sm" onClick={many.cancel}>
            Cancel the rest
          </Button>
        ) : (
          <Button
            size="sm"
            onClick={() => {
              many.reset();
              setConfirming(false);
              onDone();
            }}
          >
            Done
          </Button>
        )}
      </section>
    );
  }

  if (!confirming)
    return (
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <span>{count} selected</span>
        <Button variant="danger" size="sm" onClick={() => setConfirming(true)}>
          Delete selected
        </Button>
      </div>
    );

  return (
    <TypedConfirmation
      title={`Power off and delete ${count} clone${count === 1 ? "" : "s"}?`}
      expected={String(count)}
      confirmLabel={`Delete ${count}`}
      numeric
      onConfirm={() => void many.start(selected)}
      onKeep={() => setConfirming(false)}
    >
      <p>
        {selected.map((t) => t.name).join(", ")}. vCenter deletes each with its disks; this cannot
        be undone.
      </p>
    </TypedConfirmation>
  );
}
