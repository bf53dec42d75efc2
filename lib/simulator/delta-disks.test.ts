import { describe, expect, it } from "vitest";

import { messagesOf, simulatorPerFile } from "./test-support";

// KB 67186: every instant clone of a running, not frozen source adds a delta disk to it; at
// 255 levels vCenter fails the clone while preparing the migration. A frozen source never does.

const t = simulatorPerFile("reset-before-each");

// Sources on standard port groups only, so no distributed switch runs out of ports first.
const clone = (source: string, name: string) =>
  t.client.call("POST", "/api/vcenter/vm?action=instant-clone", {
    token: t.token,
    body: { source, name },
  });
const named = async (name: string) =>
  (await t.client.call("GET", `/api/vcenter/vm?names=${name}`, { token: t.token }))
    .body as unknown[];

describe("delta disks of an instant-clone source", () => {
  it("refuses the 256th clone of a running source with vCenter's migration fault, making nothing", async () => {
    for (let i = 1; i <= 255; i++) {
      const r = await clone("vm-1023", `dd-${i}`);
      expect(r.status, `${i} ${JSON.stringify(r.body)}`).toBe(200);
    }
    const refused = await clone("vm-1023", "dd-256");
    expect(refused.status).toBe(500);
    expect(messagesOf(refused.body)).toEqual({
      error_type: "ERROR",
      ids: ["msg.migrate.prepare.failed", "vim.fault.GenericVmConfigFault"],
      texts: ["Unable to prepare migration.", "Launch failure"],
    });
    expect(await named("dd-256")).toEqual([]);
    expect(await named("dd-255")).toHaveLength(1);
  });

  it("never limits a frozen source", async () => {
    for (let i = 1; i <= 256; i++) expect((await clone("vm-1008", `fz-${i}`)).status).toBe(200);
    expect(await named("fz-256")).toHaveLength(1);
  });
});
