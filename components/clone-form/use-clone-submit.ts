import { type FormEvent, useRef, useState } from "react";
import type { FieldErrors } from "react-hook-form";

import { toApiError } from "@/lib/api/api-error";
import { useInstantClone } from "@/lib/api/use-instant-clone";
import type { CloneFormValues } from "@/lib/schemas/clone-form";
import type { InstantCloneSpec } from "@/lib/schemas/instant-clone";
import { randomUuid } from "@/components/ui/random-uuid";

import { applyServerErrors } from "./apply-server-errors";
import type { SummaryItem } from "./error-summary";
import type { CloneForm } from "./form-context";
import { fieldLabel, flattenErrors, inPageOrder } from "./form-problems";
import type { FieldProblem } from "./vcenter-field-errors";

export type Submission = { spec: InstantCloneSpec; startedAt: number; finishedAt?: number };
export type Summary = { items: SummaryItem[]; attempt: number };

/** The element the error stack of a failed clone is drawn in (the summary links to it). */
export const CLONE_ERROR_ID = "clone-error";

/**
 * Submits the form through the instant-clone mutation. One click is one request: a second
 * submit while one is being validated or sent is ignored (the button's disabled state alone
 * arrives a render too late for a fast double click). A failed submit, refused in the page or
 * by the server, ends in an error summary that names each problem.
 */
export function useCloneSubmit(form: CloneForm, env: string) {
  const mutation = useInstantClone(env);
  const inFlight = useRef(false);
  const [submission, setSubmission] = useState<Submission>();
  const [summary, setSummary] = useState<Summary>({ items: [], attempt: 0 });

  // After React has drawn the errors (and any field they reveal), so labels and order are known.
  const summarise = (problems: FieldProblem[], extra: SummaryItem[] = []) =>
    requestAnimationFrame(() =>
      setSummary((previous) => ({
        attempt: previous.attempt + 1,
        items: [
          ...inPageOrder(problems).map((p) => ({ ...p, label: fieldLabel(p.path) })),
          ...extra,
        ],
      })),
    );

  const send = async (spec: InstantCloneSpec) => {
    const startedAt = Date.now();
    setSubmission({ spec, startedAt });
    try {
      await mutation.mutateAsync({ spec, idempotencyKey: randomUuid() });
    } catch (err) {
      const error = toApiError(err);
      const problems = await applyServerErrors(form, error);
      summarise(
        problems,
        problems.length > 0
          ? []
          : [{ target: CLONE_ERROR_ID, label: "Error details", message: error.message }],
      );
    } finally {
      setSubmission({ spec, startedAt, finishedAt: Date.now() });
    }
  };

  const invalid = (errors: FieldErrors<CloneFormValues>) => summarise(flattenErrors(errors));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (inFlight.current) return;
    inFlight.current = true;
    setSummary((previous) => ({ ...previous, items: [] }));
    void form
      .handleSubmit(
        send,
        invalid,
      )(event)
      .finally(() => {
        inFlight.current = false;
      });
  };

  const reset = () => {
    mutation.reset();
    setSubmission(undefined);
    setSummary((previous) => ({ ...previous, items: [] }));
  };

  return { onSubmit, mutation, submission, summary, reset };
}
