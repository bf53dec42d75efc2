import type { ReactNode } from "react";

import { EnvironmentBands } from "@/components/environment/environment-bands";
import { EnvironmentHeader } from "@/components/environment/environment-header";
import { LoginRedirectProvider } from "@/components/session/login-redirect";

import { getEnvironment } from "./get-environment";

type EnvironmentLayoutProps = { children: ReactNode; params: Promise<{ env: string }> };

/** Every page of one environment: its colour band, TLS warning, name and session. */
export default async function EnvironmentLayout({ children, params }: EnvironmentLayoutProps) {
  const environment = await getEnvironment(params);
  return (
    <>
      <EnvironmentBands environment={environment} />
      <EnvironmentHeader environment={environment} />
      <LoginRedirectProvider env={environment.id}>
        <main className="mx-auto max-w-5xl space-y-6 px-4 py-8">{children}</main>
      </LoginRedirectProvider>
    </>
  );
}
