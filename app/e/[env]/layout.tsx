import { HydrationBoundary } from "@tanstack/react-query";
import type { ReactNode } from "react";

import { EnvironmentBands } from "@/components/environment/environment-bands";
import { EnvironmentHeader } from "@/components/environment/environment-header";
import { SkipLink } from "@/components/environment/skip-link";
import { LoginRedirectProvider } from "@/components/session/login-redirect";

import { getEnvironment } from "./get-environment";
import { prefetchSession } from "./prefetch";

type EnvironmentLayoutProps = { children: ReactNode; params: Promise<{ env: string }> };

/** Every page of one environment: its colour band, TLS warning, name and session. */
export default async function EnvironmentLayout({ children, params }: EnvironmentLayoutProps) {
  const environment = await getEnvironment(params);
  // The session check's answer comes with the page, so the header and the pages behind the
  // session gate render at once. Above the header: its session query is the first one made.
  const session = await prefetchSession(environment.id);
  return (
    <HydrationBoundary state={session}>
      <SkipLink env={environment.id} />
      <EnvironmentBands environment={environment} />
      <EnvironmentHeader environment={environment} />
      <LoginRedirectProvider env={environment.id}>
        <main
          id="main"
          tabIndex={-1}
          className="mx-auto max-w-5xl space-y-6 px-4 py-8 outline-none"
        >
          {children}
        </main>
      </LoginRedirectProvider>
    </HydrationBoundary>
  );
}
