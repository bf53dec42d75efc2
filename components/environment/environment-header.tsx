import Link from "next/link";

import type { EnvironmentSummary } from "@/lib/schemas/inventory";
import { Badge } from "@/components/ui/badge";

import { EnvironmentNav } from "./environment-nav";

export function EnvironmentHeader({ environment }: { environment: EnvironmentSummary }) {
  return (
    <header className="border-line bg-surface border-b">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <div className="flex min-w-0 flex-wrap items-center gap-3">
          <Link href="/" className="text-accent text-sm font-semibold hover:underline">
            Instant Clone Console
          </Link>
          <span aria-hidden="true" className="text-fg-muted">
            /
          </span>
          <span className="flex min-w-0 flex-wrap items-center gap-2 text-sm">
            {environment.color && (
              <span
                aria-hidden="true"
                className="border-line-strong size-3 rounded-full border"
                style={{ backgroundColor: environment.color }}
              />
            )}
            <span className="font-semibold">{environment.label}</span>
            <span className="text-fg-muted min-w-0 break-all">{environment.host}</span>
            {environment.kind === "simulator" && <Badge tone="info">simulator</Badge>}
          </span>
        </div>
        <EnvironmentNav env={environment.id} />
      </div>
    </header>
  );
}
