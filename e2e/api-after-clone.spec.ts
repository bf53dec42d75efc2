import type { APIRequestContext } from "@playwright/test";

import { expect, loginAs, test, uniqueName, USERS } from "./fixtures";
import { simUrl } from "./ports";
import { simCallsTo, simGuestIdentity, simVm } from "./sim-guest";

// After the clone, through the console's API: its guest followed to Ready, the identity clash,
// and deletion of the console's own clones only, under the operator's vCenter session.

type Guest = {
  tools: string;
  ready: boolean;
  host_name?: string;
  ip_address?: string;
  interfaces?: { ip_addresses: string[] }[];
  clone?: { state: string; clash?: { source: string; ip_address?: string; host_name?: string } };
};

async function cloneOf(api: APIRequestContext, source: string, prefix: string) {
  const name = uniqueName(prefix);
  const res = await api.post("/api/environments/sim/instant-clone", { data: { source, name } });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as { vm: string; name: string; operation: string };
}

async function guestWhenSettled(api: APIRequestContext, vm: string): Promise<Guest> {
  let guest: Guest | undefined;
  await expect
    .poll(
      async () => {
        const res = await api.get(`/api/environments/sim/vms/${vm}/guest`);
        expect(res.status()).toBe(200);
        guest = (await res.json()) as Guest;
        return guest.clone?.state;
      },
      { timeout: 15_000 },
    )
    .not.toBe("waiting");
  return guest!;
}

test("a clone of an ordinary source is followed to Ready with its source's IP, and the clash is named", async ({
  admin,
}) => {
  const clone = await cloneOf(admin, "vm-1007", "api-ready");
  const guest = await guestWhenSettled(admin, clone.vm);
  expect(guest).toMatchObject({
    tools: "RUNNING",
    ready: true,
    ip_address: "10.0.3.17",
    host_name: "golden-ubuntu-22.lab.example",
    clone: {
      state: "ready",
      clash: {
        source: "vm-1007",
        ip_address: "10.0.3.17",
        host_name: "golden-ubuntu-22.lab.example",
      },
    },
  });
  expect(guest.interfaces?.[0].ip_addresses).toContain("10.0.3.17");
  expect((await simGuestIdentity(simUrl, clone.vm)).body).toMatchObject({
    ip_address: "10.0.3.17",
  });
  // The state reached is kept in the history.
  const op = await (await admin.get(`/api/environments/sim/operations/${clone.operation}`)).json();
  expect(op.guest).toMatchObject({ state: "ready", ip_address: "10.0.3.17" });
});

test("a clone of a re-identifying source reports an identity of its own, with no clash", async ({
  admin,
}) => {
  const clone = await cloneOf(admin, "vm-1008", "api-fresh");
  const guest = await guestWhenSettled(admin, clone.vm);
  expect(guest.ready).toBe(true);
  expect(guest.host_name).toBe(`${clone.name}.lab.example`);
  expect(guest.clone?.clash).toBeUndefined();
  expect((await simGuestIdentity(simUrl, "vm-1008")).body).not.toMatchObject({
    ip_address: guest.ip_address,
  });
});

test("deleting a clone powers it off and deletes it, once, and the history says who and when", async ({
  admin,
}) => {
  const clone = await cloneOf(admin, "vm-1005", "api-gone");
  const res = await admin.delete(`/api/environments/sim/vms/${clone.vm}`);
  expect(res.status(), await res.text()).toBe(200);
  const deletion = await res.json();
  expect(deletion).toMatchObject({
    state: "succeeded",
    vm: clone.vm,
    user: expect.stringMatching(/Administrator/i),
  });
  expect((await simVm(simUrl, clone.vm)).status).toBe(404);
  expect(await simCallsTo(simUrl, clone.vm)).toEqual(
    expect.arrayContaining(["vcenter.vm.power.stop", "vcenter.vm.delete"]),
  );

  // Asked again: the same recorded deletion, and nothing more reaches vCenter.
  const before = (await simCallsTo(simUrl, clone.vm)).length;
  const again = await admin.delete(`/api/environments/sim/vms/${clone.vm}`);
  expect(await again.json()).toEqual(deletion);
  expect((await simCallsTo(simUrl, clone.vm)).length).toBe(before);

  const op = await (await admin.get(`/api/environments/sim/operations/${clone.operation}`)).json();
  expect(op.deletion).toEqual(deletion);
});

test("a VM the console did not make is refused before vCenter", async ({ admin }) => {
  const before = await simCallsTo(simUrl, "vm-1001");
  const res = await admin.delete("/api/environments/sim/vms/vm-1001");
  expect(res.status()).toBe(403);
  expect((await res.json()).error).toMatchObject({
    origin: "console",
    message: expect.stringContaining("not a clone this console made"),
  });
  const after = await simCallsTo(simUrl, "vm-1001");
  expect(
    after.filter((op) => op === "vcenter.vm.power.stop" || op === "vcenter.vm.delete"),
  ).toEqual(before.filter((op) => op === "vcenter.vm.power.stop" || op === "vcenter.vm.delete"));
  expect((await simVm(simUrl, "vm-1001")).body).toMatchObject({ state: "POWERED_ON" });

  const bad = await admin.delete("/api/environments/sim/vms/not-a-vm");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.field_errors).toHaveProperty("vm");
});

test("a deletion sent from another site's page is refused before vCenter", async ({ admin }) => {
  const clone = await cloneOf(admin, "vm-1005", "api-csrf-keep");
  const res = await admin.delete(`/api/environments/sim/vms/${clone.vm}`, {
    headers: { origin: "http://evil.example", "sec-fetch-site": "cross-site" },
  });
  expect(res.status()).toBe(403);
  expect((await res.json()).error).toMatchObject({ origin: "console" });
  expect((await simVm(simUrl, clone.vm)).body).toMatchObject({ state: "POWERED_ON" });
  expect(await simCallsTo(simUrl, clone.vm)).not.toContain("vcenter.vm.power.stop");
});

test("a readonly user's deletion is refused by vCenter, naming the missing privilege", async ({
  admin,
  playwright,
}) => {
  const clone = await cloneOf(admin, "vm-1005", "api-ro-keep");
  const readonly = await loginAs(playwright, USERS.readonly);
  const res = await readonly.delete(`/api/environments/sim/vms/${clone.vm}`);
  expect(res.status()).toBe(403);
  const { error } = await res.json();
  expect(error).toMatchObject({ origin: "vcenter", status: 403, operation: expect.any(String) });
  expect(JSON.stringify(error.vcenter)).toContain("VirtualMachine.Interact.PowerOff");
  expect((await simVm(simUrl, clone.vm)).body).toMatchObject({ state: "POWERED_ON" });
  await readonly.dispose();

  const op = await (await admin.get(`/api/environments/sim/operations/${clone.operation}`)).json();
  expect(op.deletion).toMatchObject({ state: "failed", user: expect.stringMatching(/readonly/i) });
});
