import { describe, expect, it } from "vitest";

import { batchRequestSchema } from "@/lib/schemas/batch";

import { cloneSpecs } from "./clone-specs";

const request = (body: object) => batchRequestSchema.parse(body);

describe("a batch's clone specs", () => {
  it("gives each clone its name and the next manual MAC, leaving other NICs alone", () => {
    const result = cloneSpecs(
      request({
        spec: {
          source: "vm-1005",
          nics_to_update: {
            "4000": { mac_type: "MANUAL", mac_address: "00:50:56:00:10:00" },
            "4001": { start_connected: false },
          },
        },
        names: { pattern: "lab-{n:fixed=2}", count: 25 },
      }),
    );
    if (!("specs" in result)) throw new Error(result.message);
    expect(result.specs).toHaveLength(25);
    expect(result.specs[24].name).toBe("lab-25");
    const macs = result.specs.map((s) => s.nics_to_update?.["4000"]?.mac_address);
    expect(new Set(macs).size).toBe(25);
    expect(macs[24]).toBe("00:50:56:00:10:18");
    expect(result.specs[3].nics_to_update?.["4001"]).toEqual({ start_connected: false });
    expect(result.specs.every((s) => s.bios_uuid === undefined)).toBe(true);
  });

  it("generates a distinct BIOS UUID per clone when asked", () => {
    const result = cloneSpecs(
      request({ spec: { source: "vm-1005" }, names: ["a", "b", "c"], bios_uuid: "per-clone" }),
    );
    if (!("specs" in result)) throw new Error(result.message);
    const uuids = result.specs.map((s) => s.bios_uuid);
    expect(new Set(uuids).size).toBe(3);
    expect(uuids.every((u) => /^[0-9a-f-]{36}$/.test(u ?? ""))).toBe(true);
  });

  it("refuses, naming the NIC's MAC field, a MAC range that would overflow", () => {
    const result = cloneSpecs(
      request({
        spec: {
          source: "vm-1005",
          nics_to_update: { "4000": { mac_type: "MANUAL", mac_address: "00:50:56:3f:ff:f0" } },
        },
        names: { pattern: "m{n}", count: 20 },
      }),
    );
    expect(result).toEqual({
      field: "spec.nics_to_update.4000.mac_address",
      message: expect.stringMatching(/past the manual range/),
    });
  });

  it("refuses a name or a BIOS UUID inside the spec, and a concurrency out of range", () => {
    const named = batchRequestSchema.safeParse({
      spec: { source: "vm-1", name: "x" },
      names: ["a"],
    });
    expect(named.success).toBe(false);
    const uuid = batchRequestSchema.safeParse({
      spec: { source: "vm-1", bios_uuid: "12345678-abcd-1234-cdef-123456789abc" },
      names: ["a"],
    });
    expect(uuid.success).toBe(false);
    for (const concurrency of [0, 21, 1.5, "4"])
      expect(
        batchRequestSchema.safeParse({ spec: { source: "vm-1" }, names: ["a"], concurrency }).error
          ?.issues[0]?.path,
      ).toEqual(["concurrency"]);
  });
});
