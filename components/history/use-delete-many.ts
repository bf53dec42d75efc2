"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";

import { toApiError } from "@/lib/api/api-error";
import { deleteCloneRequest, invalidateAfterDeletion } from "@/lib/api/use-delete-clone";

export type DeleteTarget = { vm: string; name: string };
export type DeleteStep = DeleteTarget & {
  state: "waiting" | "deleting" | "deleted" | "failed" | "skipped";
  message?: string;
};

/**
 * Deletes several clones one after another, each its own recorded deletion on the server.
 * Cancel stops before the next one: a deletion already sent is never taken back or resent.
 */
export function useDeleteMany(env: string) {
  const queryClient = useQueryClient();
  const [steps, setSteps] = useState<DeleteStep[]>([]);
  const [running, setRunning] = useState(false);
  const cancelled = useRef(false);

  const update = (index: number, change: Partial<DeleteStep>) =>
    setSteps((all) => all.map((step, i) => (i === index ? { ...step, ...change } : step)));

  async function start(targets: DeleteTarget[]) {
    cancelled.current = false;
    setRunning(true);
    setSteps(targets.map((t) => ({ ...t, state: "waiting" })));
    for (const [index, target] of targets.entries()) {
      if (cancelled.current) {
        update(index, { state: "skipped" });
        continue;
      }
      update(index, { state: "deleting" });
      try {
        const deletion = await deleteCloneRequest(env, target.vm);
        update(index, {
          state: deletion.state === "succeeded" ? "deleted" : "failed",
          ...(deletion.already_gone ? { message: "it was already gone" } : {}),
        });
      } catch (err) {
        update(index, { state: "failed", message: toApiError(err).body.message });
      }
    }
    setRunning(false);
    await invalidateAfterDeletion(queryClient, env);
  }

  return {
    steps,
    running,
    start,
    cancel: () => (cancelled.current = true),
    reset: () => setSteps([]),
  };
}
