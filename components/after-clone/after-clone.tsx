"use client";

import { useState } from "react";

import type { Deletion } from "@/lib/schemas/deletion";
import type { Operation } from "@/lib/schemas/operation";

import { DeleteClone } from "./delete-clone";
import { DeletionOutcome } from "./deletion-outcome";
import { GuestStatus, KeptGuestStatus } from "./guest-status";

type AfterCloneProps = {
  env: string;
  vm: string;
  name: string;
  /** What the history already holds about this clone (the operation page has it). */
  recorded?: Pick<Operation, "guest" | "deletion">;
};

/**
 * The life of a clone after it is made: its guest followed to Ready while this is on screen,
 * then Delete. Once deleted, nothing asks vCenter about it any more.
 */
export function AfterClone({ env, vm, name, recorded }: AfterCloneProps) {
  const [deleted, setDeleted] = useState<Deletion | undefined>(
    recorded?.deletion?.state === "succeeded" ? recorded.deletion : undefined,
  );
  if (deleted)
    return (
      <div className="space-y-3">
        {recorded?.guest && <KeptGuestStatus env={env} guest={recorded.guest} />}
        <DeletionOutcome deletion={deleted} name={name} />
      </div>
    );
  return <NotDeleted env={env} vm={vm} name={name} recorded={recorded} onDeleted={setDeleted} />;
}

function NotDeleted({
  env,
  vm,
  name,
  recorded,
  onDeleted,
}: AfterCloneProps & { onDeleted: (deletion: Deletion) => void }) {
  // The recorded outcome of an earlier try, as the page opened; a new try shows its own.
  const [earlier, setEarlier] = useState(recorded?.deletion);
  return (
    <div className="space-y-3">
      <GuestStatus env={env} vm={vm} />
      {earlier && earlier.state !== "succeeded" && (
        <DeletionOutcome deletion={earlier} name={name} />
      )}
      <DeleteClone
        env={env}
        vm={vm}
        name={name}
        onAttempt={() => setEarlier(undefined)}
        onDeleted={onDeleted}
      />
    </div>
  );
}
