import type { PowerState } from "@/lib/schemas/inventory";
import { Badge } from "@/components/ui/badge";

const power = {
  POWERED_ON: { tone: "success", label: "Powered on" },
  POWERED_OFF: { tone: "neutral", label: "Powered off" },
  SUSPENDED: { tone: "warning", label: "Suspended" },
} as const;

/** A VM's power state, and "Frozen" when it is frozen for instant clone. */
export function PowerBadges({ state, frozen }: { state: PowerState; frozen?: boolean }) {
  return (
    <>
      <Badge tone={power[state].tone}>{power[state].label}</Badge>
      {frozen && <Badge tone="info">Frozen</Badge>}
    </>
  );
}
