import type { CloneFormPath } from "./form-context";
import { TriStateSelect } from "./tri-state-select";

/** The form row of one device: `nics.0`, `serial_ports.1`, `parallel_ports.0`. */
export type DeviceRowPath =
  `nics.${number}` | `serial_ports.${number}` | `parallel_ports.${number}`;

export type Toggle = { name: CloneFormPath; label: string; current?: boolean };

/** The two switches every NIC and port has, with what the source has now. */
export const connectionToggles = (
  path: DeviceRowPath,
  info?: { start_connected: boolean; allow_guest_control: boolean },
): Toggle[] => [
  { name: `${path}.start_connected`, label: "Start connected", current: info?.start_connected },
  {
    name: `${path}.allow_guest_control`,
    label: "Allow guest control",
    current: info?.allow_guest_control,
  },
];

// Literal class names, so Tailwind sees them.
const columns: Record<number, string> = { 3: "md:grid-cols-3", 4: "md:grid-cols-4" };

/** A device's on/off overrides side by side, each keeping the source's value by default. */
export function DeviceToggles({ toggles }: { toggles: Toggle[] }) {
  return (
    <div className={`grid grid-cols-2 gap-4 ${columns[toggles.length] ?? ""}`}>
      {toggles.map((toggle) => (
        <TriStateSelect key={toggle.name} {...toggle} />
      ))}
    </div>
  );
}
