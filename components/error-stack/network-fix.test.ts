import { describe, expect, it } from "vitest";

import { networkFix } from "./network-fix";
import { requiredPrivileges } from "./required-privileges";

describe("networkFix", () => {
  it.each([
    [502, "SELF_SIGNED_CERT_IN_CHAIN", "caFile"],
    [502, "unable to verify the first certificate (UNABLE_TO_VERIFY_LEAF_SIGNATURE)", "caFile"],
    [504, "ETIMEDOUT", "may still have reached vCenter"],
    [502, "ECONNREFUSED 10.0.0.5:443", "url"],
    [502, "ENOTFOUND vc01.example.internal", "DNS"],
    [502, "socket hang up", "closed the connection"],
    [0, "Failed to fetch", "console is running"],
  ])("%i %s names the fix", (status, cause, fix) => {
    expect(networkFix(status, cause).text).toContain(fix);
  });

  it("says the outcome is unknown when the request may have reached vCenter", () => {
    expect(networkFix(504, "ETIMEDOUT").outcomeUnknown).toBe(true);
    expect(networkFix(502, "ECONNREFUSED").outcomeUnknown).toBeUndefined();
  });
});

describe("requiredPrivileges", () => {
  it("names each resource of the request, and every network a NIC moves to", () => {
    const rows = requiredPrivileges(
      {
        source: "vm-42",
        name: "x",
        placement: { folder: "group-v30" },
        nics_to_update: {
          "4000": { backing: { type: "STANDARD_PORTGROUP", network: "network-12" } },
          "4001": { start_connected: false },
        },
      },
      (id) => (id === "group-v30" ? "Prod" : undefined),
    );
    expect(rows.map((r) => [r.resource, r.target, r.privileges.join(" ")])).toEqual([
      [
        "Source VM",
        "vm-42",
        "VirtualMachine.Provisioning.Clone VirtualMachine.Inventory.CreateFromExisting",
      ],
      ["Folder", "Prod (group-v30)", "VirtualMachine.Interact.PowerOn"],
      ["Resource pool", "the source's resource pool", "Resource.AssignVMToPool"],
      ["Datastore", "the source's datastore", "Datastore.AllocateSpace"],
      ["Network", "network-12", "Network.Assign"],
    ]);
  });
});
