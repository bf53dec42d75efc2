"use client";

import { useGuest } from "@/lib/api/use-guest";
import type { CloneGuest } from "@/lib/schemas/guest";
import { ErrorStack } from "@/components/error-stack/error-stack";
import { formatDuration } from "@/components/history/format-time";
import { Spinner } from "@/components/ui/spinner";

import { IdentityClash } from "./identity-clash";

/** "5 min", "90 s": the environment's readyTimeoutSeconds as a person says it. */
export const formatLimit = (seconds: number) =>
  seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;

/**
 * Follows a new clone's guest while this is on screen: "Waiting for VMware Tools…", then
 * "Ready · IP · hostname" with the time it took, or "Not ready after 5 min".
 */
export function GuestStatus({ env, vm }: { env: string; vm: string }) {
  const guest = useGuest(env, vm);
  if (guest.isError)
    return <ErrorStack error={guest.error} title="The clone's guest could not be read" />;
  const data = guest.data;
  if (data?.clone) return <KeptGuestStatus guest={data.clone} env={env} />;
  if (data?.ready) return <ReadyLine host={data.host_name} ip={data.ip_address} />;
  return <Waiting />;
}

/** The state the history kept, when nobody needs to ask vCenter again. */
export function KeptGuestStatus({
  guest,
  env,
  showClash = true,
}: {
  guest: CloneGuest;
  env: string;
  /** A batch's rows name the clash in a line of their own, under one warning for the batch. */
  showClash?: boolean;
}) {
  return (
    <div className="space-y-3">
      {guest.state === "waiting" && <Waiting />}
      {guest.state === "ready" && (
        <ReadyLine host={guest.host_name} ip={guest.ip_address} afterMs={guest.ready_after_ms} />
      )}
      {guest.state === "not_ready" && (
        <p role="status" className="text-warning text-sm font-semibold">
          Not ready after {formatLimit(guest.timeout_seconds)}
          <span className="text-fg-muted font-normal">
            {" "}
            · VMware Tools have not reported a hostname or IP
          </span>
        </p>
      )}
      {showClash && guest.clash && <IdentityClash env={env} clash={guest.clash} />}
    </div>
  );
}

export function Waiting() {
  return (
    <p role="status" className="text-fg-muted flex items-center gap-2 text-sm">
      <Spinner /> Waiting for VMware Tools…
    </p>
  );
}

export function ReadyLine({ host, ip, afterMs }: { host?: string; ip?: string; afterMs?: number }) {
  const parts = ["Ready", ip, host].filter(Boolean);
  return (
    <p role="status" className="text-sm">
      <span className="text-success font-semibold">{parts.join(" · ")}</span>
      {afterMs !== undefined && (
        <span className="text-fg-muted"> · {formatDuration(afterMs)} after the clone</span>
      )}
    </p>
  );
}
