import type { Metadata } from "next";

import { OperationDetail } from "@/components/history/operation-detail";
import { SessionGate } from "@/components/session/session-gate";

import { getEnvironment } from "../../get-environment";

type PageProps = { params: Promise<{ env: string; id: string }> };

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const environment = await getEnvironment(params);
  return { title: `Operation · ${environment.label}` };
}

/** One submission: the spec as sent and its result or full error stack. */
export default async function OperationPage({ params }: PageProps) {
  const environment = await getEnvironment(params);
  const { id } = await params;
  return (
    <SessionGate env={environment.id}>
      <OperationDetail env={environment.id} id={id} />
    </SessionGate>
  );
}
