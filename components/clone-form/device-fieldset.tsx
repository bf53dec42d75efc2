import type { ReactNode } from "react";

import { Button } from "@/components/ui/button";

type DeviceFieldsetProps = {
  deviceKey: string;
  /** The source's label for the device; absent when the source has no device with this key. */
  label?: string;
  /** What the source has now. */
  current: string;
  onReset: () => void;
  children: ReactNode;
};

/** One device row: a group named after the device, so its labels can repeat across rows. */
export function DeviceFieldset({
  deviceKey,
  label,
  current,
  onReset,
  children,
}: DeviceFieldsetProps) {
  const name = label ?? `Device ${deviceKey}`;
  return (
    <fieldset className="border-line space-y-4 rounded-md border p-4">
      <legend className="px-1 text-sm font-semibold">{`${name} (${deviceKey})`}</legend>
      <div className="-mt-2 flex flex-wrap items-start justify-between gap-2">
        <p className="text-fg-muted text-xs">{current}</p>
        <Button size="sm" variant="ghost" onClick={onReset} aria-label={`Reset ${name}`}>
          Reset
        </Button>
      </div>
      {children}
    </fieldset>
  );
}
