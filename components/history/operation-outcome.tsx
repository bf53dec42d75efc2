"use client";

import { ApiError } from "@/lib/api/api-error";
import type { Operation } from "@/lib/schemas/operation";
import { AfterClone } from "@/components/after-clone/after-clone";
import { ErrorStack } from "@/components/error-stack/error-stack";
import { Alert } from "@/components/ui/alert";

/** What came of a submission: the new VM, the full error, or why the outcome is not known yet. */
export function OperationOutcome({ env, operation: op }: { env: string; operation: Operation }) {
  return (
    <div className="space-y-3">
      {op.state === "pending" && (
        <Alert tone="info" role="status" title="Waiting for vCenter">
          The request was sent and vCenter has not answered yet. This page updates by itself.
        </Alert>
      )}
      {op.state === "unknown" && (
        <Alert
          tone="warning"
          role="status"
          title="The console could not tell whether vCenter made this clone"
        >
          The request may have reached vCenter, but no answer came back. The console never sends it
          again by itself: it will look &ldquo;{op.spec.name}&rdquo; up in vCenter and show the
          outcome here as soon as it knows. Do not resubmit until then.
        </Alert>
      )}
      {op.settled_by && (
        <Alert tone="info" title="Settled by looking the name up">
          vCenter&apos;s answer was lost
          {op.settled_by === "startup" ? " while the console restarted" : ""}, so the console looked
          &ldquo;{op.spec.name}&rdquo; up in vCenter:{" "}
          {op.state === "succeeded" ? "the clone exists." : "no such VM, so no clone was made."}
        </Alert>
      )}
      {op.state === "succeeded" && <NewVm name={op.spec.name} vm={op.vm} />}
      {op.state === "succeeded" && op.vm && (
        <AfterClone env={env} vm={op.vm} name={op.spec.name} recorded={op} />
      )}
      {op.error && op.state !== "succeeded" && (
        <ErrorStack
          error={new ApiError(op.error)}
          title="What vCenter or the console answered"
          context={{ request: op.spec }}
        />
      )}
    </div>
  );
}

function NewVm({ name, vm }: { name: string; vm?: string }) {
  return (
    <section
      aria-labelledby="new-vm-heading"
      className="border-success/60 bg-success-soft rounded-lg border p-4 text-sm"
    >
      <h2 id="new-vm-heading" className="text-success text-base font-semibold">
        Clone created
      </h2>
      <p className="mt-1">
        <span className="font-semibold">{name}</span>{" "}
        <span className="font-mono">{vm ?? "(vCenter gave no VM id)"}</span>
      </p>
    </section>
  );
}
