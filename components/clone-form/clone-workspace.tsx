"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

import { toApiError } from "@/lib/api/api-error";
import { useSession } from "@/lib/api/use-session";
import type { EnvironmentSummary } from "@/lib/schemas/inventory";
import { ErrorStack } from "@/components/error-stack/error-stack";
import { loginHref } from "@/components/session/login-redirect";
import { Spinner } from "@/components/ui/spinner";

import { CloneForm } from "./clone-form";

type CloneWorkspaceProps = { environment: EnvironmentSummary; initialQuery: string };

/** The clone form once the operator has a vCenter session here; the login page otherwise. */
export function CloneWorkspace({ environment, initialQuery }: CloneWorkspaceProps) {
  const session = useSession(environment.id);
  const router = useRouter();
  const needsLogin = session.isError && toApiError(session.error).needsLogin;

  useEffect(() => {
    if (needsLogin)
      router.replace(loginHref(environment.id, window.location.pathname + window.location.search));
  }, [needsLogin, environment.id, router]);

  if (session.isSuccess) return <CloneForm environment={environment} initialQuery={initialQuery} />;
  if (session.isError && !needsLogin)
    return <ErrorStack error={session.error} title="Your vCenter session could not be checked" />;
  return (
    <p role="status" className="text-fg-muted flex items-center gap-2 text-sm">
      <Spinner />
      {needsLogin ? "Taking you to the login page…" : "Checking your vCenter session…"}
    </p>
  );
}
