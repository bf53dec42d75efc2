"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";

import { envPath } from "@/lib/api/fetch-json";
import { useVm } from "@/lib/api/use-vm";
import { useVmPlacement } from "@/lib/api/use-vm-placement";
import type { InstantCloneSpec } from "@/lib/schemas/instant-clone";
import type { CloneResult as CloneResultData } from "@/lib/schemas/inventory";
import { AfterClone } from "@/components/after-clone/after-clone";
import { Button, buttonClass } from "@/components/ui/button";
import { operationHref } from "@/components/environment/hrefs";
import { formatDuration } from "@/components/history/format-time";
import { useInventoryNames } from "@/components/inventory/use-inventory-names";

type CloneResultProps = {
  env: string;
  result: CloneResultData;
  spec: InstantCloneSpec;
  milliseconds?: number;
  /** A real vCenter's host: the result then links to the VM in the vSphere Client. */
  vsphereHost?: string;
  onCloneAnother: () => void;
};

// Never wider than a phone: a long VM name is cut short (the link's title keeps it whole).
const linkButton = buttonClass("link", "md", "max-w-full");

const describeValue = (value: unknown, nameOf: (id: string) => string | undefined): string => {
  if (typeof value === "boolean") return value ? "on" : "off";
  if (typeof value === "string") return nameOf(value) ? `${nameOf(value)} (${value})` : value;
  if (value && typeof value === "object")
    return Object.entries(value)
      .map(([k, v]) => `${k.replaceAll("_", " ")} ${describeValue(v, nameOf)}`)
      .join(", ");
  return String(value);
};

/** What was asked and what came back: the new VM, and every override that was applied. */
export function CloneResult({
  env,
  result,
  spec,
  milliseconds,
  vsphereHost,
  onCloneAnother,
}: CloneResultProps) {
  const nameOf = useInventoryNames(env);
  const source = useVm(env, spec.source).data;
  // Where vCenter put the clone, read from the made VM: an unset field names what it got.
  const landed = useVmPlacement(env, result.vm).data;
  const asked = (id: string | undefined) =>
    id ? describeValue(id, nameOf) : landed ? "Same as source" : "Same as source (reading…)";
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const rows: [string, string][] = [
    ["Source", source ? `${source.name} (${spec.source})` : spec.source],
    [
      "Folder",
      landed?.folder
        ? `${landed.folder.path ?? landed.folder.name} (${landed.folder.folder})`
        : asked(spec.placement?.folder),
    ],
    [
      "Resource pool",
      landed?.resource_pool
        ? `${[landed.resource_pool.name, landed.resource_pool.cluster].filter(Boolean).join(" · ")} (${landed.resource_pool.resource_pool})`
        : asked(spec.placement?.resource_pool),
    ],
    [
      "Datastore",
      landed?.datastore
        ? `${landed.datastore.name} (${landed.datastore.datastore})`
        : asked(spec.placement?.datastore),
    ],
  ];
  const devices = [
    ["NIC", spec.nics_to_update, source?.nics],
    ["Serial port", spec.serial_ports_to_update, source?.serial_ports],
    ["Parallel port", spec.parallel_ports_to_update, source?.parallel_ports],
  ] as const;
  for (const [kind, overrides, infos] of devices)
    for (const [key, override] of Object.entries(overrides ?? {}))
      rows.push([
        `${infos?.find((d) => d.key === key)?.label ?? kind} (${key})`,
        describeValue(override, nameOf),
      ]);
  if (spec.disconnect_all_nics) rows.push(["Disconnect all NICs", "on"]);
  if (spec.bios_uuid) rows.push(["BIOS UUID", spec.bios_uuid]);

  return (
    <section
      aria-labelledby="clone-result-heading"
      className="border-success/60 bg-success-soft space-y-4 rounded-lg border p-5"
    >
      <div role="status">
        <h2
          id="clone-result-heading"
          ref={heading}
          tabIndex={-1}
          className="text-success text-lg font-semibold"
        >
          Clone created
        </h2>
        <p className="mt-1 text-sm">
          <span className="font-semibold break-all">{result.name}</span>{" "}
          <span className="font-mono">{result.vm}</span>
          {milliseconds !== undefined && (
            <span className="text-fg-muted"> · took {formatDuration(milliseconds)}</span>
          )}
          {result.operation && (
            <span className="text-fg-muted"> · operation {result.operation}</span>
          )}
        </p>
      </div>
      <AfterClone env={env} vm={result.vm} name={result.name} />
      <h3 className="text-sm font-semibold">What was applied</h3>
      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium">{label}</dt>
            <dd className="text-fg break-all">{value}</dd>
          </div>
        ))}
      </dl>
      <div className="flex flex-wrap gap-3">
        <a
          className={linkButton}
          href={envPath(env, `/vms/${encodeURIComponent(result.vm)}`)}
          title={`View ${result.name} in the console API`}
        >
          <span className="truncate">View {result.name} in the console API</span>
        </a>
        {vsphereHost && (
          <a
            className={linkButton}
            href={`https://${vsphereHost}/ui/app/search?query=${encodeURIComponent(result.name)}`}
            target="_blank"
            rel="noreferrer"
            title={`Open ${result.name} in the vSphere Client`}
          >
            <span className="truncate">Open {result.name} in the vSphere Client</span>
          </a>
        )}
        {result.operation && (
          <Link className={linkButton} href={operationHref(env, result.operation)}>
            The recorded operation
          </Link>
        )}
        <Button variant="primary" onClick={onCloneAnother}>
          Clone another
        </Button>
      </div>
    </section>
  );
}
