import Link from "next/link";

import type { EnvironmentSummary } from "@/lib/schemas/inventory";
import { Badge } from "@/components/ui/badge";
import { formHref } from "./hrefs";

/** The configured environments, each a link to its clone form. */
export function EnvironmentList({ environments }: { environments: EnvironmentSummary[] }) {
  if (environments.length === 0)
    return (
      <p className="text-fg-muted text-sm">
        No environment is configured. Add one to the environments file.
      </p>
    );
  return (
    <ul className="grid gap-4 sm:grid-cols-2">
      {environments.map((environment) => (
        <li key={environment.id}>
          <Link
            href={formHref(environment.id)}
            className="border-line bg-surface hover:border-accent block overflow-hidden rounded-lg border shadow-sm"
          >
            <span
              aria-hidden="true"
              className="block h-1.5"
              style={{ backgroundColor: environment.color ?? "transparent" }}
            />
            <span className="block space-y-1 p-4">
              <span className="flex items-center gap-2">
                <span className="text-accent text-base font-semibold">{environment.label}</span>
                <Badge tone={environment.kind === "simulator" ? "info" : "neutral"}>
                  {environment.kind}
                </Badge>
                {environment.insecure && <Badge tone="warning">TLS not verified</Badge>}
              </span>
              <span className="text-fg-muted block text-sm">{environment.host}</span>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
