import type { InstantCloneSpec } from "@/lib/schemas/instant-clone";
import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";

/** The InstantCloneSpec exactly as the console sent it, to read or copy into a script. */
export function SpecJson({ spec }: { spec: InstantCloneSpec }) {
  const json = JSON.stringify(spec, null, 2);
  return (
    <Card
      title="The request as sent"
      description="vCenter's InstantCloneSpec, as the console passed it on."
      actions={<CopyButton text={json} label="Copy JSON" />}
    >
      <pre className="border-line bg-surface-muted max-h-[32rem] overflow-auto rounded-md border p-3 font-mono text-xs break-all whitespace-pre-wrap">
        {json}
      </pre>
    </Card>
  );
}
