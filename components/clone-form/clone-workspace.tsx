"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";

import { foldersQuery } from "@/lib/api/use-placement-lists";
import { firstVmFilter, vmsQuery } from "@/lib/api/use-vms";
import type { EnvironmentSummary } from "@/lib/schemas/inventory";
import { SessionGate } from "@/components/session/session-gate";

import { CloneForm } from "./clone-form";

type CloneWorkspaceProps = { environment: EnvironmentSummary; initialQuery: string };

/** The clone form once the operator has a vCenter session here; the login page otherwise. */
export function CloneWorkspace({ environment, initialQuery }: CloneWorkspaceProps) {
  // The first VM page (when the server could not bring it) and the folders are asked for
  // alongside the session check, not after it. (Logged out, they fail with 401 and are cleared
  // on login like every query of the environment.) From an effect, never from the render: the
  // browser's hydration of the server's HTML is time-sliced, and an answer that arrived between
  // two slices was drawn into a part the server had drawn without it (React error #418, seen
  // on one load in two under load).
  const queryClient = useQueryClient();
  useEffect(() => {
    void queryClient.prefetchQuery(vmsQuery(environment.id, firstVmFilter()));
    void queryClient.prefetchQuery(foldersQuery(environment.id));
  }, [queryClient, environment.id]);
  return (
    <SessionGate env={environment.id}>
      <CloneForm environment={environment} initialQuery={initialQuery} />
    </SessionGate>
  );
}
