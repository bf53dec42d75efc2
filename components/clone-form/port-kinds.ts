import {
  emptyParallelRow,
  emptySerialRow,
  type ParallelRow,
  type SerialRow,
} from "@/lib/schemas/clone-form";
import { parallelBackingTypes, serialBackingTypes } from "@/lib/schemas/instant-clone";
import type { SerialPortInfo } from "@/lib/schemas/inventory";

import type { Toggle } from "./device-toggles";

// What sets serial and parallel ports apart in the form; everything else is the same code.

export type PortKind = "serial_ports" | "parallel_ports";

type PortKindInfo = {
  title: string;
  noun: string;
  empty: (key: string) => SerialRow | ParallelRow;
  backingTypes: readonly string[];
  /** Switches beyond start connected and guest control. */
  extraToggles: (index: number, info?: Partial<SerialPortInfo>) => Toggle[];
};

export const portKinds: Record<PortKind, PortKindInfo> = {
  serial_ports: {
    title: "Serial ports",
    noun: "serial ports",
    empty: emptySerialRow,
    backingTypes: serialBackingTypes,
    extraToggles: (index, info) => [
      {
        name: `serial_ports.${index}.yield_on_poll`,
        label: "Yield on poll",
        current: info?.yield_on_poll,
      },
    ],
  },
  parallel_ports: {
    title: "Parallel ports",
    noun: "parallel ports",
    empty: emptyParallelRow,
    backingTypes: parallelBackingTypes,
    extraToggles: () => [],
  },
};
