"use client";

import { usePathname } from "next/navigation";
import { useId, useSyncExternalStore } from "react";
import { useWatch } from "react-hook-form";

import { formValuesToQuery } from "@/lib/schemas/clone-form-query";
import { formValuesToSpecInput } from "@/lib/schemas/clone-form-spec";
import { instantCloneSpecSchema } from "@/lib/schemas/instant-clone";
import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

import { joinQueries } from "./batch-draft-query";
import { useCloneFormContext } from "./form-context";
import { curlCommand } from "./request-text";

function CodeBlock({
  caption,
  text,
  copyLabel,
}: {
  caption: string;
  text: string;
  copyLabel: string;
}) {
  const captionId = useId();
  return (
    <figure aria-labelledby={captionId} className="space-y-2">
      <div className="flex items-center justify-between gap-2">
        <figcaption id={captionId} className="text-sm font-medium">
          {caption}
        </figcaption>
        <CopyButton label={copyLabel} text={text} />
      </div>
      {/* Focusable, so a body taller than its box can be scrolled from the keyboard. */}
      <pre
        tabIndex={0}
        className="border-line bg-surface-muted max-h-96 overflow-auto rounded-md border p-3 font-mono text-xs break-all whitespace-pre-wrap"
      >
        {text}
      </pre>
    </figure>
  );
}

const specFieldNames: Record<string, string> = {
  source: "Source VM",
  name: "Name",
  "placement.folder": "Folder",
  "placement.resource_pool": "Resource pool",
  "placement.datastore": "Datastore",
  bios_uuid: "BIOS UUID",
};

/** The field a spec path belongs to, as the form labels it ("Source VM"), else the path. */
const specFieldName = (path: readonly PropertyKey[]) => {
  const dotted = path.map(String).join(".");
  return specFieldNames[dotted] ?? dotted;
};

const noSubscription = () => () => {};
/**
 * The page's origin in the browser. The server render (and the hydration that must match it)
 * does not know the address the operator sees, so the link has no origin there, for a moment.
 */
const useOrigin = () =>
  useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => "",
  );

/** The exact body that will be sent (only what was changed), the same as curl, and a link. */
export function RequestPreview({ host, batchQuery }: { host: string; batchQuery: string }) {
  const { control, getValues } = useCloneFormContext();
  useWatch({ control }); // re-render on every change; getValues() then gives the typed values
  const values = getValues();
  const body = formValuesToSpecInput(values);
  const issues = instantCloneSpecSchema.safeParse(body).error?.issues ?? [];
  const problems = issues.length;
  const query = joinQueries(formValuesToQuery(values), batchQuery);
  const link = `${useOrigin()}${usePathname()}${query ? `?${query}` : ""}`;

  return (
    <Card
      title="Request preview"
      description="What the console sends to vCenter: only the fields you changed."
    >
      {problems > 0 && (
        <p className="text-warning text-sm">
          Not valid yet: {problems} problem{problems === 1 ? "" : "s"} to fix before it can be sent
          {": "}
          {issues.map((issue) => `${specFieldName(issue.path)} (${issue.message})`).join("; ")}.
        </p>
      )}
      <CodeBlock caption="JSON body" text={JSON.stringify(body, null, 2)} copyLabel="Copy JSON" />
      <CodeBlock caption="curl" text={curlCommand(host, body)} copyLabel="Copy curl" />
      <Field
        id="form-link"
        label="Link to this form"
        description="Opens this form with every value as it is now. Bookmark it or send it."
      >
        {(aria) => (
          <div className="flex gap-2">
            <Input
              {...aria}
              readOnly
              value={link}
              className="font-mono text-xs"
              onFocus={(e) => e.target.select()}
            />
            <CopyButton label="Copy link" text={link} size="md" />
          </div>
        )}
      </Field>
    </Card>
  );
}
