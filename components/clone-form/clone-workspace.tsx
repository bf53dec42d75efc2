"use client";

import { usePrefetchQuery } from "@tanstack/react-query";

import { foldersQuery } from "@/lib/api/use-placement-lists";
import { firstVmFilter, vmsQuery } from "@/lib/api/use-vms";
import type { EnvironmentSummary } from "@/lib/schemas/inventory";
import { SessionGate } from "@/components/session/session-gate";

import { CloneForm } from "./clone-form";

type CloneWorkspaceProps = { environment: EnvironmentSummary; initialQuery: string };

/** The clone form once the operator has a vCenter session here; the login page otherwise. */
export function CloneWorkspace({ environment, initialQuery }: CloneWorkspaceProps) {
  // The first VM page and the folders are asked for alongside the session check, not after it:
  // the form opens with its source list in. (Logged out, they fail with 401 and are cleared on
  // login like every query of the environment.)
  usePrefetchQuery(vmsQuery(environment.id, firstVmFilter()));
  usePrefetchQuery(foldersQuery(environment.id));
  return (
    <SessionGate env={environment.id}>
      <CloneForm environment={environment} initialQuery={initialQuery} />
    </SessionGate>
  );
}
