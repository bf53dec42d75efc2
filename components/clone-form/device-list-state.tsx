"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";

import type { VmDetail } from "@/lib/schemas/inventory";
import { ErrorStack } from "@/components/error-stack/error-stack";

/** The states of a device list before its rows: no source yet, loading, failed, none. */
export function DeviceListState({
  source,
  detail,
  count,
  noun,
  children,
}: {
  source: string;
  detail: UseQueryResult<VmDetail>;
  count: number;
  noun: string;
  children: ReactNode;
}) {
  const muted = (text: string) => (
    <p role="status" className="text-fg-muted text-sm">
      {text}
    </p>
  );
  if (!source) return muted(`Choose a source VM to see its ${noun}.`);
  if (detail.isPending) return muted(`Loading the source's ${noun}…`);
  if (detail.isError)
    return <ErrorStack error={detail.error} title={`The source's ${noun} could not be read`} />;
  if (count === 0) return muted(`The source has no ${noun}.`);
  return <div className="space-y-4">{children}</div>;
}
