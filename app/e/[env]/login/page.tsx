import type { Metadata } from "next";

import { LoginForm } from "@/components/session/login-form";

import { getEnvironment } from "../get-environment";

type PageProps = {
  params: Promise<{ env: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const environment = await getEnvironment(params);
  return { title: `Log in · ${environment.label}` };
}

export default async function LoginPage({ params, searchParams }: PageProps) {
  const environment = await getEnvironment(params);
  const { next } = await searchParams;
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <h1 className="text-2xl font-semibold">Log in</h1>
      <LoginForm
        env={environment.id}
        label={environment.label}
        simulator={environment.kind === "simulator"}
        next={typeof next === "string" ? next : undefined}
      />
    </div>
  );
}
