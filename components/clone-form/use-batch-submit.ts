import { useRouter } from "next/navigation";
import { type FormEvent, useRef } from "react";

import { useSubmitBatch } from "@/lib/api/use-submit-batch";
import type { InstantCloneSpec } from "@/lib/schemas/instant-clone";
import { batchHref } from "@/components/environment/hrefs";
import { randomUuid } from "@/components/ui/random-uuid";

import { type BatchDraftState, batchNamesInput } from "./batch-draft";
import type { CloneForm } from "./form-context";

/**
 * Submits the form as a batch: the single clone's spec without its name, the names, how many at
 * once. The batch then runs on the server; the browser goes to its page to watch it.
 */
export function useBatchSubmit(form: CloneForm, env: string, batch: BatchDraftState) {
  const mutation = useSubmitBatch(env);
  const router = useRouter();
  const inFlight = useRef(false);

  const send = async (spec: InstantCloneSpec) => {
    const { name: _name, bios_uuid: _uuid, ...rest } = spec;
    const accepted = await mutation
      .mutateAsync({
        request: {
          spec: rest,
          names: batchNamesInput(batch.draft),
          concurrency: batch.draft.concurrency,
          bios_uuid: batch.draft.perCloneUuid ? "per-clone" : "vcenter",
        },
        idempotencyKey: randomUuid(),
      })
      .catch(() => undefined); // shown from mutation.error
    if (accepted) router.push(batchHref(env, accepted.batch));
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (inFlight.current || !("names" in batch.names)) return;
    inFlight.current = true;
    // The single clone's Name is not used; the first batch name keeps the form's own check happy.
    form.setValue("name", batch.names.names[0]);
    void form
      .handleSubmit(send)(event)
      .finally(() => {
        inFlight.current = false;
      });
  };

  return { onSubmit, mutation };
}
