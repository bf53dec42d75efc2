"use client";

import { useState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";

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
  const [typed, setTyped] = useState("");
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
              setTyped("");
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
    <Alert tone="danger" title={`Power off and delete ${count} clone${count === 1 ? "" : "s"}?`}>
      <p>
        {selected.map((t) => t.name).join(", ")}. vCenter deletes each with its disks; this cannot
        be undone.
      </p>
      <form
        className="mt-3 flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          if (typed.trim() === String(count)) void many.start(selected);
        }}
      >
        <label className="space-y-1">
          <span className="block text-sm font-medium">Type {count} to confirm</span>
          <Input
            className="w-28"
            inputMode="numeric"
            autoComplete="off"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
          />
        </label>
        <Button type="submit" variant="danger" disabled={typed.trim() !== String(count)}>
          Delete {count}
        </Button>
        <Button
          onClick={() => {
            setConfirming(false);
            setTyped("");
          }}
        >
          Keep them
        </Button>
      </form>
    </Alert>
  );
}
