"use client";

import { useEffect, useState } from "react";

import { Button } from "@/components/ui/button";

const ago = (seconds: number) =>
  seconds < 5
    ? "just now"
    : seconds < 120
      ? `${Math.round(seconds)} s ago`
      : `${Math.round(seconds / 60)} min ago`;

/** The current time, again every 10 s (enough for an age in seconds-ish). */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 10_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

type AsOfProps = {
  asOf?: string;
  refreshing: boolean;
  onRefresh: () => void;
  noun: string;
  /** The button's name where a page has several ("Refresh the folders"); default "Refresh". */
  refreshLabel?: string;
};

/** "VM list as of 40 s ago · Refresh": how old the console's inventory read is, and a fresh one. */
export function AsOf({ asOf, refreshing, onRefresh, noun, refreshLabel }: AsOfProps) {
  const now = useNow();
  const time = asOf ? Date.parse(asOf) : NaN;
  if (Number.isNaN(time)) return null;
  return (
    <p className="text-fg-muted flex flex-wrap items-center gap-x-1 text-xs">
      <span>
        {noun} as of{" "}
        {/* The server rendered it a moment earlier, in its own locale and time zone. */}
        <time dateTime={asOf} title={new Date(time).toLocaleString()} suppressHydrationWarning>
          {ago(Math.max(0, (now - time) / 1000))}
        </time>
      </span>
      <span aria-hidden="true">·</span>
      <Button
        variant="ghost"
        size="sm"
        className="h-6 px-1 text-xs"
        disabled={refreshing}
        aria-label={refreshLabel}
        onClick={onRefresh}
      >
        {refreshing ? "Refreshing…" : "Refresh"}
      </Button>
    </p>
  );
}
