"use client";

import { useWatch } from "react-hook-form";

import { useVm } from "@/lib/api/use-vm";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { ErrorStack } from "@/components/error-stack/error-stack";
import { formatVmSize } from "@/components/inventory/format";
import { PowerBadges } from "@/components/inventory/power-badges";

import { useCloneFormContext } from "./form-context";
import { VmPicker } from "./vm-picker";

export function SourceSection({ env }: { env: string }) {
  return (
    <Card title="Source" description="The running VM whose memory and disks the clone shares.">
      <VmPicker env={env} />
      <SourceSummary env={env} />
    </Card>
  );
}

function SourceSummary({ env }: { env: string }) {
  const { control } = useCloneFormContext();
  const source = useWatch({ control, name: "source" });
  const detail = useVm(env, source);

  if (!source) return null;
  if (detail.isPending)
    return (
      <p role="status" className="text-fg-muted text-sm">
        Loading the source&apos;s devices…
      </p>
    );
  if (detail.isError)
    return <ErrorStack error={detail.error} title="The source VM could not be read" />;

  const vm = detail.data;
  const runnable = vm.power_state === "POWERED_ON" || vm.instant_clone_frozen;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-medium">{vm.name}</span>
        <span className="text-fg-muted font-mono text-xs">{vm.vm}</span>
        <PowerBadges state={vm.power_state} frozen={vm.instant_clone_frozen} />
        <span className="text-fg-muted">
          {[
            formatVmSize(vm.cpu_count, vm.memory_size_MiB),
            `${vm.nics.length} NIC${vm.nics.length === 1 ? "" : "s"}`,
            `${vm.serial_ports.length} serial`,
            `${vm.parallel_ports.length} parallel`,
          ]
            .filter(Boolean)
            .join(" · ")}
        </span>
      </div>
      {!runnable && (
        <Alert tone="warning" title="This source cannot be instant-cloned as it is">
          {vm.name} is {vm.power_state === "SUSPENDED" ? "suspended" : "powered off"}. Instant clone
          needs a running source, or one frozen from inside the guest (instantclone.freeze). vCenter
          will refuse the request until it is powered on.
        </Alert>
      )}
    </div>
  );
}
