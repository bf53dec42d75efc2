"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import { FormProvider, useForm } from "react-hook-form";

import type { EnvironmentSummary } from "@/lib/schemas/inventory";
import { cloneFormSchema } from "@/lib/schemas/clone-form-spec";
import { queryToFormValues } from "@/lib/schemas/clone-form-query";
import { nextCloneValues } from "@/lib/schemas/next-clone";
import { ErrorStack } from "@/components/error-stack/error-stack";
import { useInventoryNames } from "@/components/inventory/use-inventory-names";
import { LoginRedirectProvider } from "@/components/session/login-redirect";
import { useHydrated } from "@/components/ui/use-hydrated";

import { AdvancedSection } from "./advanced-section";
import { useBatchDraft } from "./batch-draft";
import { batchDraftToQuery, queryToBatchDraft } from "./batch-draft-query";
import { BatchSection } from "./batch-section";
import { focusField } from "./apply-server-errors";
import { CloneResultPanel, preloadCloneResult } from "./clone-result-panel";
import { ErrorSummary, type SummaryItem } from "./error-summary";
import { clearDraft, readDraft, saveDraft } from "./form-draft";
import type { CloneForm as CloneFormApi } from "./form-context";
import { NameSection } from "./name-section";
import { nextFreeName } from "./next-free-name";
import { NicsSection } from "./nics-section";
import { PlacementSection } from "./placement-section";
import { PortsSection } from "./ports-section";
import { RequestPreview } from "./request-preview";
import { SourceSection } from "./source-section";
import { SubmitBar } from "./submit-bar";
import { useBatchSubmit } from "./use-batch-submit";
import { CLONE_ERROR_ID, useCloneSubmit } from "./use-clone-submit";
import { useFormInUrl } from "./use-form-in-url";

type CloneFormProps = { environment: EnvironmentSummary; initialQuery: string };

/** The id of the form, for the skip link. */
export const CLONE_FORM_ID = "clone-form";

/** The instant-clone form: one useForm, sections as cards, one submission. */
export function CloneForm({ environment, initialQuery }: CloneFormProps) {
  const env = environment.id;
  const queryClient = useQueryClient();
  // A draft saved before a login trip wins over the link: it is the newer state of this form.
  // Otherwise the router's address as it is now: after Back it holds what replaceState wrote,
  // which may be newer than the query the server rendered the page with.
  const searchParams = useSearchParams();
  const initialSearch = searchParams?.toString() ?? initialQuery;
  const [initialValues] = useState(() => readDraft(env) ?? queryToFormValues(initialSearch));
  useEffect(() => clearDraft(env), [env]);

  const form: CloneFormApi = useForm({
    resolver: zodResolver(cloneFormSchema),
    defaultValues: initialValues,
    // The error summary takes the focus after a failed submit, and links to each field.
    shouldFocusError: false,
  });
  const { onSubmit, mutation, submission, summary, reset } = useCloneSubmit(form, env);
  const nameOf = useInventoryNames(env);
  const batch = useBatchDraft(() => queryToBatchDraft(initialSearch));
  const batchQuery = batchDraftToQuery(batch.draft);
  useFormInUrl(form, batchQuery);
  const batchSubmit = useBatchSubmit(form, env, batch);

  // Rendered on the server with its first VM page: disabled until the browser has taken over.
  const hydrated = useHydrated();
  const milliseconds =
    submission?.finishedAt !== undefined ? submission.finishedAt - submission.startedAt : undefined;

  const cloneAnother = async () => {
    const values = form.getValues();
    const name = await nextFreeName(queryClient, env, values.name);
    form.reset(nextCloneValues(values, name), { keepDefaultValues: true });
    reset();
    setFocusName(true);
  };
  // Once the form is shown again (not in the same frame as the reset that shows it).
  const [focusName, setFocusName] = useState(false);
  useEffect(() => {
    if (!focusName || mutation.isSuccess) return;
    setFocusName(false);
    focusField(form, "name");
  }, [focusName, mutation.isSuccess, form]);

  const goTo = (item: SummaryItem) => {
    if (item.path) return focusField(form, item.path);
    const target = item.target ? document.getElementById(item.target) : null;
    target?.focus({ preventScroll: true });
    target?.scrollIntoView({ block: "start" });
  };

  return (
    <LoginRedirectProvider env={env} beforeLogin={() => saveDraft(env, form.getValues())}>
      <FormProvider {...form}>
        {mutation.isSuccess && submission && (
          <CloneResultPanel
            env={env}
            result={mutation.data}
            spec={submission.spec}
            milliseconds={milliseconds}
            vsphereHost={environment.kind === "vcenter" ? environment.host : undefined}
            onCloneAnother={() => void cloneAnother()}
          />
        )}
        <form
          id={CLONE_FORM_ID}
          tabIndex={-1}
          noValidate
          onSubmit={
            batch.isBatch
              ? batchSubmit.onSubmit
              : (event) => {
                  preloadCloneResult();
                  onSubmit(event);
                }
          }
          hidden={mutation.isSuccess}
          aria-label={`Instant clone in ${environment.label}`}
          className="outline-none"
        >
          <fieldset disabled={!hydrated} className="min-w-0 space-y-6">
            <SourceSection env={env} />
            {!batch.isBatch && <NameSection />}
            <BatchSection env={env} batch={batch} />
            <PlacementSection env={env} />
            <NicsSection env={env} />
            <PortsSection env={env} kind="serial_ports" />
            <PortsSection env={env} kind="parallel_ports" />
            <AdvancedSection />
            <RequestPreview host={environment.host} batchQuery={batchQuery} />
            <ErrorSummary items={summary.items} attempt={summary.attempt} onGoTo={goTo} />
            {mutation.isError && (
              <div id={CLONE_ERROR_ID} tabIndex={-1} className="outline-none">
                <ErrorStack
                  error={mutation.error}
                  title="Instant clone failed"
                  env={env}
                  context={{
                    request: submission?.spec,
                    nameOf,
                    onFocusName: () => focusField(form, "name"),
                  }}
                />
              </div>
            )}
            {batch.isBatch && batchSubmit.mutation.isError && (
              <ErrorStack
                error={batchSubmit.mutation.error}
                title="The batch was refused"
                env={env}
              />
            )}
            <SubmitBar
              pending={mutation.isPending || batchSubmit.mutation.isPending}
              startedAt={submission?.startedAt}
            />
          </fieldset>
        </form>
      </FormProvider>
    </LoginRedirectProvider>
  );
}
