"use client";

import Link from "next/link";

import { useOperation } from "@/lib/api/use-operation";
import { ErrorStack } from "@/components/error-stack/error-stack";
import { buttonClass } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";

import { cloneAgainHref, historyHref } from "@/components/environment/hrefs";
import { OperationFacts } from "./operation-facts";
import { OperationOutcome } from "./operation-outcome";
import { SpecJson } from "./spec-json";

/** One submission in full: what was sent, by whom, and what came of it. */
export function OperationDetail({ env, id }: { env: string; id: string }) {
  const operation = useOperation(env, id);
  if (operation.isPending)
    return (
      <p role="status" className="text-fg-muted flex items-center gap-2 text-sm">
        <Spinner /> Loading the operation…
      </p>
    );
  if (operation.isError)
    return <ErrorStack error={operation.error} title="The operation could not be read" />;

  const op = operation.data;
  return (
    <div className="space-y-6">
      <div className="space-y-3">
        <Link className="text-accent text-sm hover:underline" href={historyHref(env)}>
          ← History
        </Link>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-2xl font-semibold break-all">
            Instant clone of <span className="font-mono">{op.spec.name}</span>
          </h1>
          <Link className={buttonClass("link")} href={cloneAgainHref(env, op.spec)}>
            Clone again with these values
          </Link>
        </div>
      </div>
      <OperationFacts env={env} operation={op} />
      <OperationOutcome env={env} operation={op} />
      <SpecJson spec={op.spec} />
    </div>
  );
}
