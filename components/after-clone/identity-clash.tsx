"use client";

import { useVm } from "@/lib/api/use-vm";
import type { IdentityClash as Clash } from "@/lib/schemas/guest";
import { Alert } from "@/components/ui/alert";

/** The clone woke up as its source: the same hostname or IP on the network, and what to do. */
export function IdentityClash({ env, clash }: { env: string; clash: Clash }) {
  const sourceName = useVm(env, clash.source).data?.name ?? clash.source;
  return (
    <Alert tone="warning" role="alert" title="This clone has its source's identity">
      <ul className="list-disc pl-5">
        {clash.ip_address && (
          <li>
            Same IP as its source {sourceName}:{" "}
            <span className="font-mono">{clash.ip_address}</span>
          </li>
        )}
        {clash.host_name && (
          <li>
            Same hostname as its source {sourceName}:{" "}
            <span className="font-mono">{clash.host_name}</span>
          </li>
        )}
      </ul>
      <UsualFixes />
    </Alert>
  );
}

/** Why a clone answers as its source, and the two usual ways to give each clone its own identity. */
export function UsualFixes() {
  return (
    <>
      <p className="mt-2">
        An instant clone is a memory copy of its source, so both answer on the network as one
        machine. The two usual fixes:
      </p>
      <ol className="mt-1 list-decimal pl-5">
        <li>
          Clone with <strong>Disconnect all NICs</strong> on, give the guest a new hostname and IP
          from its console, then connect its NICs.
        </li>
        <li>
          Put a script in the source&apos;s guest that runs after{" "}
          <code className="font-mono">instantclone.freeze</code> and gives each clone a hostname and
          IP of its own, so every clone wakes up re-identified.
        </li>
      </ol>
    </>
  );
}
