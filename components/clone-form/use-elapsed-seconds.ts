import { useEffect, useState } from "react";

/** Whole seconds since `startedAt`, ticking while `running`. */
export function useElapsedSeconds(startedAt: number | undefined, running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [running]);
  // `now` may predate `startedAt` until the first tick: never show a negative time.
  return startedAt === undefined ? 0 : Math.max(0, Math.floor((now - startedAt) / 1000));
}
