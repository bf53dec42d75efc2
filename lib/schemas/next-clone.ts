import type { CloneFormValues } from "./clone-form";
import type { InstantCloneSpec } from "./instant-clone";

// What a second clone of the same values must not repeat: the name (vCenter refuses it in the
// same folder), a manual MAC (two NICs on one network with one MAC) and a BIOS UUID.

/** "web-07" → "web-08", "web-9" → "web-10", "web" → "web-2": the next name in the series. */
export function nextName(name: string): string {
  const match = /^(.*?)(\d+)$/.exec(name);
  if (!match) return `${name}-2`;
  const [, stem, digits] = match;
  return `${stem}${String(Number(digits) + 1).padStart(digits.length, "0")}`;
}

/** The form's values for the next clone: next name, no manual MAC, no BIOS UUID. */
export function nextCloneValues(values: CloneFormValues, name: string): CloneFormValues {
  return {
    ...values,
    name,
    bios_uuid: "",
    nics: values.nics.map((row) =>
      row.mac_type === "MANUAL" ? { ...row, mac_type: "", mac_address: "" } : row,
    ),
  };
}

/** A recorded spec for "Clone again": the same values under the next name, minus what must be unique. */
export function nextCloneSpec(spec: InstantCloneSpec): InstantCloneSpec {
  const nics = Object.fromEntries(
    Object.entries(spec.nics_to_update ?? {}).map(([key, nic]) => {
      if (nic.mac_type !== "MANUAL") return [key, nic];
      const { mac_type: _type, mac_address: _address, ...rest } = nic;
      return [key, rest];
    }),
  );
  const { bios_uuid: _uuid, ...rest } = spec;
  return {
    ...rest,
    name: nextName(spec.name),
    ...(spec.nics_to_update ? { nics_to_update: nics } : {}),
  };
}
