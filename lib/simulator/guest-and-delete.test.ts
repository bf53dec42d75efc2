import { readFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { messagesOf, startTestSimulator, type TestSimulator } from "./test-support";

// VMware Tools and guest identity of clones, power off and delete, against vCenter's rules.
// golden-ubuntu-22 (vm-1007) is an ordinary source; golden-win2022 (vm-1008) re-identifies.

const RECORDED = path.resolve(
  __dirname,
  "../../../shared/vsphere-api/recorded/Get_guest_identity_information.result.json",
);

let t: TestSimulator;
const tokens: Record<string, string> = {};
const GUEST_READY_MS = 1500;

beforeAll(async () => {
  t = await startTestSimulator({ guestReadyMs: GUEST_READY_MS });
  for (const user of ["administrator", "operator", "readonly"])
    tokens[user] = await t.client.login(`${user}@vsphere.local`);
});
afterAll(() => t.sim.close());

const call = (method: string, url: string, user = "administrator") =>
  t.client.call(method, url, { token: tokens[user] });
async function clone(source: string, name: string): Promise<string> {
  const reply = await t.client.call("POST", "/api/vcenter/vm?action=instant-clone", {
    token: tokens.administrator,
    body: { source, name },
  });
  expect(reply.status).toBe(200);
  return reply.body as string;
}
async function waitForTools(vm: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const tools = await call("GET", `/api/vcenter/vm/${vm}/tools`);
    if ((tools.body as { run_state: string }).run_state === "RUNNING") return;
    await sleep(50);
  }
  throw new Error(`Tools of ${vm} never ran`);
}
const identity = async (vm: string) =>
  (await call("GET", `/api/vcenter/vm/${vm}/guest/identity`)).body as {
    host_name: string;
    ip_address: string;
  };

describe("a clone's guest", () => {
  it("answers vCenter's recorded 503 until its Tools run, then its source's identity", async () => {
    const vm = await clone("vm-1007", "guest-plain-1");
    const tools = await call("GET", `/api/vcenter/vm/${vm}/tools`);
    expect(tools.status).toBe(200);
    expect(tools.body).toMatchObject({ run_state: "NOT_RUNNING" });
    const early = await call("GET", `/api/vcenter/vm/${vm}/guest/identity`);
    expect(early.status).toBe(503);
    const recorded = JSON.parse(readFileSync(RECORDED, "utf8")).value;
    const guid = (early.body as { messages: { args: string[] }[] }).messages[0].args[0].split(
      ":",
    )[1];
    expect(early.body).toEqual(
      JSON.parse(
        JSON.stringify(recorded).replaceAll(
          "vm-1072:059dd233-dedf-4960-bba8-ab6710e6aeb4",
          `${vm}:${guid}`,
        ),
      ),
    );
    expect((await call("GET", `/api/vcenter/vm/${vm}/guest/networking/interfaces`)).status).toBe(
      503,
    );

    await waitForTools(vm);
    const source = await identity("vm-1007");
    expect(source).toMatchObject({
      host_name: "golden-ubuntu-22.lab.example",
      ip_address: "10.0.3.17",
    });
    expect(await identity(vm)).toMatchObject(source);
    const nics = await call("GET", `/api/vcenter/vm/${vm}/guest/networking/interfaces`);
    expect(nics.body).toEqual([
      expect.objectContaining({
        nic: "4000",
        ip: { ip_addresses: [expect.objectContaining({ ip_address: "10.0.3.17" })] },
      }),
    ]);
  });

  it("of a re-identifying source reports a hostname and IP of its own", async () => {
    const vm = await clone("vm-1008", "guest-fresh-1");
    await waitForTools(vm);
    const own = await identity(vm);
    const source = await identity("vm-1008");
    expect(own.host_name).toBe("guest-fresh-1.lab.example");
    expect(own.host_name).not.toBe(source.host_name);
    expect(own.ip_address).not.toBe(source.ip_address);
  });
});

describe("power off and delete", () => {
  it("refuse to delete a running VM, power it off, refuse a second power off, then delete it", async () => {
    const vm = await clone("vm-1007", "gone-1");
    const running = await call("DELETE", `/api/vcenter/vm/${vm}`);
    expect(running.status).toBe(400);
    expect(messagesOf(running.body).error_type).toBe("NOT_ALLOWED_IN_CURRENT_STATE");

    expect((await call("POST", `/api/vcenter/vm/${vm}/power?action=stop`)).status).toBe(204);
    expect((await call("GET", `/api/vcenter/vm/${vm}/power`)).body).toMatchObject({
      state: "POWERED_OFF",
    });
    const again = await call("POST", `/api/vcenter/vm/${vm}/power?action=stop`);
    expect(again.status).toBe(400);
    expect(messagesOf(again.body).error_type).toBe("ALREADY_IN_DESIRED_STATE");
    expect((await call("GET", `/api/vcenter/vm/${vm}/tools`)).body).toMatchObject({
      run_state: "NOT_RUNNING",
    });

    expect((await call("DELETE", `/api/vcenter/vm/${vm}`)).status).toBe(204);
    expect((await call("GET", `/api/vcenter/vm/${vm}`)).status).toBe(404);
    expect((await call("GET", "/api/vcenter/vm?names=gone-1")).body).toEqual([]);
    expect((await call("DELETE", `/api/vcenter/vm/${vm}`)).status).toBe(404);
    // The name is free again in its folder.
    await clone("vm-1007", "gone-1");
  });

  it("refuse readonly, naming the missing privilege, and leave the VM as it was", async () => {
    const vm = await clone("vm-1007", "ro-keep-1");
    const stop = await call("POST", `/api/vcenter/vm/${vm}/power?action=stop`, "readonly");
    expect(stop.status).toBe(403);
    expect(messagesOf(stop.body).texts[1]).toContain("'VirtualMachine.Interact.PowerOff'");
    await call("POST", `/api/vcenter/vm/${vm}/power?action=stop`);
    const del = await call("DELETE", `/api/vcenter/vm/${vm}`, "readonly");
    expect(del.status).toBe(403);
    expect(messagesOf(del.body).texts[1]).toContain("'VirtualMachine.Inventory.Delete'");
    expect((await call("GET", `/api/vcenter/vm/${vm}`)).status).toBe(200);
  });

  it("let the operator power off and delete", async () => {
    const vm = await clone("vm-1007", "op-gone-1");
    expect((await call("POST", `/api/vcenter/vm/${vm}/power?action=stop`, "operator")).status).toBe(
      204,
    );
    expect((await call("DELETE", `/api/vcenter/vm/${vm}`, "operator")).status).toBe(204);
  });

  it("speak /rest too: POST …/power/stop, DELETE …/vm/{vm}", async () => {
    const vm = await clone("vm-1007", "rest-gone-1");
    expect((await call("POST", `/rest/vcenter/vm/${vm}/power/stop`)).status).toBe(200);
    expect((await call("DELETE", `/rest/vcenter/vm/${vm}`)).status).toBe(200);
    expect((await call("GET", `/rest/vcenter/vm/${vm}`)).status).toBe(404);
  });
});
