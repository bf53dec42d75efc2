"use client";

import type { EnvironmentSummary } from "@/lib/schemas/inventory";
import { SessionGate } from "@/components/session/session-gate";

import { CloneForm } from "./clone-form";

type CloneWorkspaceProps = { environment: EnvironmentSummary; initialQuery: string };

/** The clone form once the operator has a vCenter session here; the login page otherwise. */
export function CloneWorkspace({ environment, initialQuery }: CloneWorkspaceProps) {
  return (
    <SessionGate env={environment.id}>
      <CloneForm environment={environment} initialQuery={initialQuery} />
    </SessionGate>
  );
}
