import type { ReactNode } from "react";

import { Button } from "@/components/ui/button";

type DeviceFieldsetProps = {
  legend: string;
  /** What the source has now. */
  current: string;
  onReset: () => void;
  resetLabel: string;
  children: ReactNode;
};

/** One device row: a group named after the device, so its labels can repeat across rows. */
export function DeviceFieldset({
  legend,
  current,
  onReset,
  resetLabel,
  children,
}: DeviceFieldsetProps) {
  return (
    <fieldset className="border-line space-y-4 rounded-md border p-4">
      <legend className="px-1 text-sm font-semibold">{legend}</legend>
      <div className="-mt-2 flex flex-wrap items-start justify-between gap-2">
        <p className="text-fg-muted text-xs">{current}</p>
        <Button size="sm" variant="ghost" onClick={onReset} aria-label={resetLabel}>
          Reset
        </Button>
      </div>
      {children}
    </fieldset>
  );
}
