import { HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";

import { CloneWorkspace } from "@/components/clone-form/clone-workspace";

import { getEnvironment, toQueryString } from "./get-environment";
import { prefetchFirstVmPage } from "./prefetch";

type PageProps = {
  params: Promise<{ env: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// The title tells bookmarks of different environments apart.
export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const environment = await getEnvironment(params);
  return { title: `Instant clone · ${environment.label}` };
}

/** The clone form, prefilled from the query (a bookmark or a "Copy link"). */
export default async function ClonePage({ params, searchParams }: PageProps) {
  const environment = await getEnvironment(params);
  const query = toQueryString(await searchParams);
  // The Source VM picker's first page comes with the page (the layout brings the session).
  const firstVms = await prefetchFirstVmPage(environment.id);
  return (
    <>
      <h1 className="text-2xl font-semibold">Instant clone</h1>
      <HydrationBoundary state={firstVms}>
        <CloneWorkspace key={query} environment={environment} initialQuery={query} />
      </HydrationBoundary>
    </>
  );
}
