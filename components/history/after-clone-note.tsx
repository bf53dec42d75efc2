import type { Operation } from "@/lib/schemas/operation";
import { Badge } from "@/components/ui/badge";
import { formatLimit } from "@/components/after-clone/guest-status";

/** A clone the console made that is still there (as far as the history knows): it may be deleted. */
export const deletable = (op: Operation) =>
  op.state === "succeeded" && op.vm !== undefined && op.deletion?.state !== "succeeded";

/** After the clone, in one line of the history: its guest's readiness, and its deletion. */
export function AfterCloneNote({ operation: op }: { operation: Operation }) {
  const { guest, deletion } = op;
  if (!guest && !deletion) return null;
  return (
    <span className="mt-1 flex flex-col gap-1 text-xs">
      {guest?.state === "ready" && (
        <span className="text-success">
          {["Ready", guest.ip_address, guest.host_name].filter(Boolean).join(" · ")}
        </span>
      )}
      {guest?.state === "not_ready" && (
        <span className="text-warning">Not ready after {formatLimit(guest.timeout_seconds)}</span>
      )}
      {guest?.clash && <span className="text-warning">Same identity as its source</span>}
      {deletion?.state === "succeeded" && (
        <span>
          <Badge tone="neutral">Deleted</Badge>{" "}
          <span className="text-fg-muted">by {deletion.user}</span>
        </span>
      )}
      {deletion?.state === "failed" && <span className="text-danger">Deletion refused</span>}
      {deletion?.state === "unknown" && (
        <span className="text-warning">Deletion outcome unknown</span>
      )}
    </span>
  );
}
