import { type FormEvent, useRef, useState } from "react";

import { toApiError } from "@/lib/api/api-error";
import { useInstantClone } from "@/lib/api/use-instant-clone";
import type { InstantCloneSpec } from "@/lib/schemas/instant-clone";
import { randomUuid } from "@/components/ui/random-uuid";

import { applyServerErrors } from "./apply-server-errors";
import type { CloneForm } from "./form-context";

export type Submission = { spec: InstantCloneSpec; startedAt: number; finishedAt?: number };

/**
 * Submits the form through the instant-clone mutation. One click is one request: a second
 * submit while one is being validated or sent is ignored (the button's disabled state alone
 * arrives a render too late for a fast double click).
 */
export function useCloneSubmit(form: CloneForm, env: string) {
  const mutation = useInstantClone(env);
  const inFlight = useRef(false);
  const [submission, setSubmission] = useState<Submission>();

  const send = async (spec: InstantCloneSpec) => {
    const startedAt = Date.now();
    setSubmission({ spec, startedAt });
    try {
      await mutation.mutateAsync({ spec, idempotencyKey: randomUuid() });
    } catch (err) {
      applyServerErrors(form, toApiError(err));
    } finally {
      setSubmission({ spec, startedAt, finishedAt: Date.now() });
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (inFlight.current) return;
    inFlight.current = true;
    void form
      .handleSubmit(send)(event)
      .finally(() => {
        inFlight.current = false;
      });
  };

  const reset = () => {
    mutation.reset();
    setSubmission(undefined);
  };

  return { onSubmit, mutation, submission, reset };
}
