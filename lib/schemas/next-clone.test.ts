import { describe, expect, it } from "vitest";

import { emptyCloneFormValues, emptyNicRow } from "./clone-form";
import { nextCloneSpec, nextCloneValues, nextName } from "./next-clone";

describe("nextName", () => {
  it.each([
    ["web-07", "web-08"],
    ["web-09", "web-10"],
    ["web-9", "web-10"],
    ["web-99", "web-100"],
    ["web", "web-2"],
    ["db01", "db02"],
  ])("%s → %s", (name, next) => expect(nextName(name)).toBe(next));
});

describe("the next clone", () => {
  it("drops a manual MAC and the BIOS UUID from the form values, keeps the rest", () => {
    const values = {
      ...emptyCloneFormValues(),
      source: "vm-1",
      name: "web-07",
      bios_uuid: "12345678-abcd-1234-cdef-123456789abc",
      nics: [
        { ...emptyNicRow("4000"), mac_type: "MANUAL" as const, mac_address: "00:50:56:00:00:01" },
        { ...emptyNicRow("4001"), mac_type: "GENERATED" as const, network: "network-1" },
      ],
    };
    const next = nextCloneValues(values, "web-08");
    expect(next.name).toBe("web-08");
    expect(next.bios_uuid).toBe("");
    expect(next.nics[0]).toMatchObject({ mac_type: "", mac_address: "" });
    expect(next.nics[1]).toMatchObject({ mac_type: "GENERATED", network: "network-1" });
    expect(next.source).toBe("vm-1");
  });

  it("does the same to a recorded spec for Clone again", () => {
    const next = nextCloneSpec({
      source: "vm-1",
      name: "web-07",
      bios_uuid: "12345678-abcd-1234-cdef-123456789abc",
      nics_to_update: {
        "4000": { mac_type: "MANUAL", mac_address: "00:50:56:00:00:01", start_connected: true },
      },
    });
    expect(next).toEqual({
      source: "vm-1",
      name: "web-08",
      nics_to_update: { "4000": { start_connected: true } },
    });
  });
});
