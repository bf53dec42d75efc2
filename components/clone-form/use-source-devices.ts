import { useEffect, useRef } from "react";

import { reconcileRows } from "@/lib/schemas/clone-form";

/**
 * Keeps one form row per device of the source. Overrides restored from a link or a draft
 * belong to the source they were made for, so they survive the first load of that source;
 * once the operator picks another source, its rows start empty.
 */
export function useSourceDeviceRows<Row extends { key: string }>({
  source,
  initialSource,
  deviceKeys,
  current,
  replace,
  empty,
}: {
  source: string;
  initialSource: string | undefined;
  deviceKeys: string[] | undefined;
  current: () => Row[];
  replace: (rows: Row[]) => void;
  empty: (key: string) => Row;
}) {
  const reconciledFor = useRef<string | null>(null);
  const signature = deviceKeys?.join(",");
  useEffect(() => {
    if (deviceKeys === undefined) return;
    const keep =
      reconciledFor.current === null ? source === initialSource : reconciledFor.current === source;
    replace(reconcileRows(keep ? current() : [], deviceKeys, empty));
    reconciledFor.current = source;
    // The device keys (by signature) and the source decide the rows; the callbacks do not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [source, signature]);
}
