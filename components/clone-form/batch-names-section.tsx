"use client";

import { useWatch } from "react-hook-form";

import { useVm } from "@/lib/api/use-vm";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { controlClass, Input } from "@/components/ui/input";

import { type BatchDraftState, listNames } from "./batch-draft";
import { useCloneFormContext } from "./form-context";
import { useTakenNames } from "./use-taken-names";

// Loaded only once How many goes above 1: a single clone's form stays as light as before.

const whole = (text: string) => (text.trim() === "" ? NaN : Number(text));

export function BatchNames({ env, batch }: { env: string; batch: BatchDraftState }) {
  const { draft, update, names } = batch;
  const error = "error" in names ? names : undefined;
  return (
    <div className="mt-4 space-y-4">
      <fieldset className="flex flex-wrap gap-4 text-sm">
        <legend className="sr-only">Names</legend>
        {(["pattern", "list"] as const).map((mode) => (
          <label key={mode} className="flex items-center gap-2">
            <input
              type="radio"
              name="batch-mode"
              checked={draft.mode === mode}
              onChange={() => update({ mode })}
            />
            {mode === "pattern" ? "Names from a pattern" : "Paste a list of names"}
          </label>
        ))}
      </fieldset>
      {draft.mode === "pattern" ? (
        <div className="grid gap-4 sm:grid-cols-3">
          <Field
            id="batch-pattern"
            className="sm:col-span-2"
            label="Name pattern"
            description="{n} is the clone's number; {n:fixed=3} pads it to 3 digits (ci-{n:fixed=3} → ci-001)."
            error={error?.field === "pattern" || error?.field === "count" ? error.error : undefined}
          >
            {(aria) => (
              <Input
                {...aria}
                value={draft.pattern}
                autoComplete="off"
                spellCheck={false}
                onChange={(e) => update({ pattern: e.target.value })}
              />
            )}
          </Field>
          <Field
            id="batch-start"
            label="Start at"
            error={error?.field === "start" ? error.error : undefined}
          >
            {(aria) => (
              <Input
                {...aria}
                type="number"
                min={0}
                value={Number.isNaN(draft.start) ? "" : draft.start}
                onChange={(e) => update({ start: whole(e.target.value) })}
              />
            )}
          </Field>
        </div>
      ) : (
        <Field
          id="batch-list"
          label="Names, one a line"
          error={error?.field === "list" ? error.error : undefined}
        >
          {(aria) => (
            <textarea
              {...aria}
              rows={6}
              className={`${controlClass} h-auto py-2 font-mono`}
              value={draft.list}
              onChange={(e) =>
                update({
                  list: e.target.value,
                  count: Math.max(2, listNames(e.target.value).length),
                })
              }
            />
          )}
        </Field>
      )}
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={draft.perCloneUuid}
          onChange={(e) => update({ perCloneUuid: e.target.checked })}
        />
        A fresh BIOS UUID for each clone (otherwise vCenter chooses)
      </label>
      {"names" in names && <NamesPreview env={env} names={names.names} />}
      <FrozenWarning env={env} />
    </div>
  );
}

function NamesPreview({ env, names }: { env: string; names: string[] }) {
  const { control } = useCloneFormContext();
  const folder = useWatch({ control, name: "folder" }) ?? "";
  const taken = useTakenNames(env, names, folder);
  return (
    <div className="space-y-2 text-sm">
      <p role="status" aria-label="Batch preview">
        {names.length} clones: <span className="font-mono">{names[0]}</span>
        {names.length > 1 && (
          <>
            {" "}
            … <span className="font-mono">{names[names.length - 1]}</span>
          </>
        )}
      </p>
      {taken.length > 0 && (
        <Alert tone="danger" role="alert" title="Names already taken">
          {taken.length} of these names {taken.length === 1 ? "is" : "are"} already used in the
          target folder: {taken.slice(0, 5).join(", ")}
          {taken.length > 5 ? ` and ${taken.length - 5} more` : ""}. Choose other names.
        </Alert>
      )}
    </div>
  );
}

// KB 67186, INSTANT-CLONE-FAULTS A3: each clone of a running source adds a delta disk to it;
// at 255 levels vCenter refuses ("Unable to prepare migration").
function FrozenWarning({ env }: { env: string }) {
  const { control } = useCloneFormContext();
  const source = useWatch({ control, name: "source" });
  const vm = useVm(env, source);
  if (!source || !vm.data || vm.data.instant_clone_frozen) return null;
  return (
    <Alert tone="warning" title="The source is not frozen">
      Each instant clone of a running source adds a delta disk to it, and past 255 levels vCenter
      refuses the clone (&ldquo;Unable to prepare migration&rdquo;). For batches, freeze the source
      from inside the guest (vmware-rpctool &quot;instantclone.freeze&quot;) first.
    </Alert>
  );
}
