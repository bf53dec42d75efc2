import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startTestSimulator, type TestSimulator } from "./test-support";

let t: TestSimulator;
let token: string;
let startMs: number;

beforeAll(async () => {
  const started = performance.now();
  t = await startTestSimulator({ vms: 50_000 });
  startMs = performance.now() - started;
  token = await t.client.login();
});
afterAll(() => t.sim.close());

const TOO_MANY = {
  error_type: "UNABLE_TO_ALLOCATE_RESOURCE",
  messages: [
    {
      id: "com.vmware.api.vcenter.vm.too_many_matches",
      default_message: "Too many virtual machines. Add more filter criteria to reduce the number.",
      args: [],
    },
  ],
};

describe("an inventory of 50,000 VMs", () => {
  // About a second on an idle machine; the margin is for loaded CI runners, while anything
  // quadratic in the VM count would still take minutes.
  it("starts within a few seconds", () => {
    expect(startMs).toBeLessThan(15_000);
  });

  it("refuses the unfiltered VM list with 500 UNABLE_TO_ALLOCATE_RESOURCE", async () => {
    const reply = await t.client.call("GET", "/api/vcenter/vm", { token });
    expect(reply.status).toBe(500);
    expect(reply.body).toEqual(TOO_MANY);
  });

  it("applies the cap to a filter that still matches more than 4000", async () => {
    expect(
      (await t.client.call("GET", "/api/vcenter/vm?power_states=POWERED_ON", { token })).status,
    ).toBe(500);
  });

  it("answers filtered lists quickly", async () => {
    const [bulk] = (await t.client.call("GET", "/api/vcenter/folder?names=Bulk-01", { token }))
      .body as { folder: string }[];
    const started = performance.now();
    const byName = await t.client.call("GET", "/api/vcenter/vm?names=web-00042&names=db-01234", {
      token,
    });
    const byFolder = await t.client.call("GET", `/api/vcenter/vm?folders=${bulk.folder}`, {
      token,
    });
    const byIds = await t.client.call("GET", "/api/vcenter/vm?vms=vm-51000&vms=vm-1001", { token });
    expect(performance.now() - started).toBeLessThan(1500);
    expect(byName.body).toHaveLength(2);
    expect((byFolder.body as unknown[]).length).toBeGreaterThan(1000);
    expect((byFolder.body as unknown[]).length).toBeLessThanOrEqual(4000);
    expect(byIds.body).toEqual([
      expect.objectContaining({ vm: "vm-51000" }),
      expect.objectContaining({ vm: "vm-1001" }),
    ]);
  });

  it("grows hosts and folders with the VMs", async () => {
    const hosts = (await t.client.call("GET", "/api/vcenter/host", { token })).body as unknown[];
    const folders = (
      await t.client.call("GET", "/api/vcenter/folder?type=VIRTUAL_MACHINE", { token })
    ).body as unknown[];
    expect(hosts.length).toBeGreaterThan(50);
    expect(folders.length).toBeGreaterThan(20);
  });
});
