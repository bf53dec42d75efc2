import type { Metadata } from "next";
import { Suspense } from "react";

import { BatchList } from "@/components/batch/batch-list";
import { HistoryTable } from "@/components/history/history-table";
import { SessionGate } from "@/components/session/session-gate";

import { getEnvironment } from "../get-environment";

type PageProps = { params: Promise<{ env: string }> };

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const environment = await getEnvironment(params);
  return { title: `History · ${environment.label}` };
}

/** Every submission in this environment, newest first. */
export default async function HistoryPage({ params }: PageProps) {
  const environment = await getEnvironment(params);
  return (
    <SessionGate env={environment.id}>
      <div className="space-y-8">
        <BatchList env={environment.id} />
        <Suspense>
          <HistoryTable env={environment.id} />
        </Suspense>
      </div>
    </SessionGate>
  );
}
