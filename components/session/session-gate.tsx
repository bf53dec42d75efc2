"use client";

import { useRouter } from "next/navigation";
import { type ReactNode, useEffect } from "react";

import { toApiError } from "@/lib/api/api-error";
import { useSession } from "@/lib/api/use-session";
import { ErrorStack } from "@/components/error-stack/error-stack";
import { Spinner } from "@/components/ui/spinner";

import { loginHref } from "./login-redirect";

/** Its children once the operator has a vCenter session in `env`; the login page otherwise. */
export function SessionGate({ env, children }: { env: string; children: ReactNode }) {
  const session = useSession(env);
  const router = useRouter();
  const needsLogin = session.isError && toApiError(session.error).needsLogin;

  useEffect(() => {
    if (needsLogin)
      router.replace(loginHref(env, window.location.pathname + window.location.search));
  }, [needsLogin, env, router]);

  if (session.isSuccess) return <>{children}</>;
  if (session.isError && !needsLogin)
    return <ErrorStack error={session.error} title="Your vCenter session could not be checked" />;
  return (
    <p role="status" className="text-fg-muted flex items-center gap-2 text-sm">
      <Spinner />
      {needsLogin ? "Taking you to the login page…" : "Checking your vCenter session…"}
    </p>
  );
}
