"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useState } from "react";
import { FormProvider, useForm } from "react-hook-form";

import type { EnvironmentSummary } from "@/lib/schemas/inventory";
import { cloneFormSchema } from "@/lib/schemas/clone-form-spec";
import { queryToFormValues } from "@/lib/schemas/clone-form-query";
import { CloneResult } from "@/components/clone-result";
import { ErrorStack } from "@/components/error-stack/error-stack";
import { useInventoryNames } from "@/components/inventory/use-inventory-names";
import { LoginRedirectProvider } from "@/components/session/login-redirect";

import { AdvancedSection } from "./advanced-section";
import { useBatchDraft } from "./batch-draft";
import { BatchSection } from "./batch-section";
import { focusField } from "./apply-server-errors";
import { clearDraft, readDraft, saveDraft } from "./form-draft";
import type { CloneForm as CloneFormApi } from "./form-context";
import { NameSection } from "./name-section";
import { NicsSection } from "./nics-section";
import { PlacementSection } from "./placement-section";
import { PortsSection } from "./ports-section";
import { RequestPreview } from "./request-preview";
import { SourceSection } from "./source-section";
import { SubmitBar } from "./submit-bar";
import { useBatchSubmit } from "./use-batch-submit";
import { useCloneSubmit } from "./use-clone-submit";

type CloneFormProps = { environment: EnvironmentSummary; initialQuery: string };

/** The instant-clone form: one useForm, sections as cards, one submission. */
export function CloneForm({ environment, initialQuery }: CloneFormProps) {
  const env = environment.id;
  // A draft saved before a login trip wins over the link: it is the newer state of this form.
  const [initialValues] = useState(() => readDraft(env) ?? queryToFormValues(initialQuery));
  useEffect(() => clearDraft(env), [env]);

  const form: CloneFormApi = useForm({
    resolver: zodResolver(cloneFormSchema),
    defaultValues: initialValues,
  });
  const { onSubmit, mutation, submission, reset } = useCloneSubmit(form, env);
  const nameOf = useInventoryNames(env);
  const batch = useBatchDraft();
  const batchSubmit = useBatchSubmit(form, env, batch);

  const seconds =
    submission?.finishedAt !== undefined
      ? Math.round((submission.finishedAt - submission.startedAt) / 1000)
      : undefined;

  return (
    <LoginRedirectProvider env={env} beforeLogin={() => saveDraft(env, form.getValues())}>
      <FormProvider {...form}>
        {mutation.isSuccess && submission && (
          <CloneResult
            env={env}
            result={mutation.data}
            spec={submission.spec}
            seconds={seconds}
            onCloneAnother={() => {
              reset();
              focusField(form, "name");
            }}
          />
        )}
        <form
          noValidate
          onSubmit={batch.isBatch ? batchSubmit.onSubmit : onSubmit}
          hidden={mutation.isSuccess}
          aria-label={`Instant clone in ${environment.label}`}
          className="space-y-6"
        >
          <SourceSection env={env} />
          {!batch.isBatch && <NameSection />}
          <BatchSection env={env} batch={batch} />
          <PlacementSection env={env} />
          <NicsSection env={env} />
          <PortsSection env={env} kind="serial_ports" />
          <PortsSection env={env} kind="parallel_ports" />
          <AdvancedSection />
          <RequestPreview host={environment.host} />
          {mutation.isError && (
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
        </form>
      </FormProvider>
    </LoginRedirectProvider>
  );
}
