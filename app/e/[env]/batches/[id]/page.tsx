import type { Metadata } from "next";

import { BatchDetail } from "@/components/batch/batch-detail";
import { SessionGate } from "@/components/session/session-gate";

import { getEnvironment } from "../../get-environment";

type PageProps = { params: Promise<{ env: string; id: string }> };

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const environment = await getEnvironment(params);
  return { title: `Batch · ${environment.label}` };
}

/** One batch: its progress and every clone, followed live while it runs. */
export default async function BatchPage({ params }: PageProps) {
  const environment = await getEnvironment(params);
  const { id } = await params;
  return (
    <SessionGate env={environment.id}>
      <BatchDetail env={environment.id} id={id} />
    </SessionGate>
  );
}
