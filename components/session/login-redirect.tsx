"use client";

import { useRouter } from "next/navigation";
import { createContext, type ReactNode, useContext } from "react";

import { formHref } from "@/components/environment/hrefs";

type LoginRedirect = { env: string; beforeLogin?: () => void };

const LoginRedirectContext = createContext<LoginRedirect | null>(null);

/**
 * Says which environment's login page to send the operator to, and what to save first: the
 * clone form provides `beforeLogin` so its values survive the round trip (sessionStorage).
 */
export function LoginRedirectProvider({
  env,
  beforeLogin,
  children,
}: LoginRedirect & { children: ReactNode }) {
  return (
    <LoginRedirectContext.Provider value={{ env, beforeLogin }}>
      {children}
    </LoginRedirectContext.Provider>
  );
}

export const loginHref = (env: string, next: string) =>
  `${formHref(env)}/login?next=${encodeURIComponent(next)}`;

/** Goes to the login page, which sends the operator back here; undefined outside an environment. */
export function useLoginRedirect(): (() => void) | undefined {
  const context = useContext(LoginRedirectContext);
  const router = useRouter();
  if (!context) return undefined;
  return () => {
    context.beforeLogin?.();
    router.push(loginHref(context.env, window.location.pathname + window.location.search));
  };
}
