"use client";

import { useState } from "react";

import { useDeleteClone } from "@/lib/api/use-delete-clone";
import type { Deletion } from "@/lib/schemas/deletion";
import { ErrorStack } from "@/components/error-stack/error-stack";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";

import { DeletionOutcome } from "./deletion-outcome";

type DeleteCloneProps = {
  env: string;
  vm: string;
  name: string;
  /** Told once the clone is gone, so the page stops following its guest. */
  onDeleted?: (deletion: Deletion) => void;
  onAttempt?: () => void;
};

/** "Delete": asks once, then powers the clone off and deletes it, and says what came of it. */
export function DeleteClone({ env, vm, name, onDeleted, onAttempt }: DeleteCloneProps) {
  const [confirming, setConfirming] = useState(false);
  const deletion = useDeleteClone(env);

  if (deletion.isSuccess) return <DeletionOutcome deletion={deletion.data} name={name} />;
  if (deletion.isPending)
    return (
      <p role="status" className="text-fg-muted flex items-center gap-2 text-sm">
        <Spinner /> Powering off and deleting {name}…
      </p>
    );
  return (
    <div className="space-y-3">
      {deletion.isError && <ErrorStack error={deletion.error} title={`${name} was not deleted`} />}
      {confirming ? (
        <Alert tone="danger" title={`Power off and delete ${name} (${vm})?`}>
          <p>vCenter powers it off and deletes it with its disks. This cannot be undone.</p>
          <div className="mt-3 flex flex-wrap gap-3">
            <Button
              variant="danger"
              onClick={() => {
                onAttempt?.();
                deletion.mutate(vm, {
                  onSuccess: (done) => done.state === "succeeded" && onDeleted?.(done),
                });
              }}
            >
              Power off and delete
            </Button>
            <Button onClick={() => setConfirming(false)}>Keep it</Button>
          </div>
        </Alert>
      ) : (
        // A long VM name wraps inside the button rather than widening a phone's page.
        <Button
          variant="danger"
          className="h-auto! max-w-full shrink! py-1.5 text-left wrap-anywhere whitespace-normal!"
          onClick={() => setConfirming(true)}
        >
          Delete {name}
        </Button>
      )}
    </div>
  );
}
