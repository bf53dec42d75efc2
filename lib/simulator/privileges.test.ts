import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { messagesOf, startTestSimulator, type TestSimulator } from "./test-support";

// administrator: everything; operator: everything but VirtualMachine.Interact.PowerOn on the
// folder Prod (group-v30); readonly: reads only. vm-1001 lives in Prod, vm-1005 in Dev.

let t: TestSimulator;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestSimulator();
  for (const user of ["administrator", "operator", "readonly"])
    tokens[user] = await t.client.login(`${user}@vsphere.local`);
});
afterAll(() => t.sim.close());

const clone = (user: string, body: unknown) =>
  t.client.call("POST", "/api/vcenter/vm?action=instant-clone", { token: tokens[user], body });

function expectDenied(reply: { status: number; body: unknown }, privilege: string, object: RegExp) {
  expect(reply.status).toBe(403);
  const { error_type, ids, texts } = messagesOf(reply.body);
  expect(error_type).toBe("UNAUTHORIZED");
  expect(ids).toEqual(["vapi.security.authorization.invalid", "vim.fault.NoPermission"]);
  expect(texts[0]).toBe("Unable to authorize user");
  expect(texts[1]).toContain(`'${privilege}'`);
  expect(texts[1]).toMatch(object);
}

describe("privileges", () => {
  it("let every user read the inventory", async () => {
    for (const token of Object.values(tokens)) {
      expect(
        (await t.client.call("GET", "/api/vcenter/vm?names=prod-web-01", { token })).status,
      ).toBe(200);
      expect((await t.client.call("GET", "/api/vcenter/vm/vm-1001", { token })).status).toBe(200);
    }
  });

  it("refuse readonly any clone, naming Clone on the source", async () => {
    expectDenied(
      await clone("readonly", { source: "vm-1005", name: "ro-1" }),
      "VirtualMachine.Provisioning.Clone",
      /Virtual machine 'dev-ubuntu-01' \(vm-1005\)/,
    );
  });

  it("are checked before the body's shape, as vCenter authorizes first", async () => {
    expectDenied(
      await clone("readonly", { source: "vm-1005" }),
      "VirtualMachine.Provisioning.Clone",
      /vm-1005/,
    );
  });

  it("leave unknown objects to the NOT_FOUND checks", async () => {
    const reply = await clone("readonly", { source: "vm-4242", name: "ro-2" });
    expect(reply.status).toBe(404);
  });

  it("refuse operator a clone that lands in Prod", async () => {
    expectDenied(
      await clone("operator", { source: "vm-1001", name: "op-1" }),
      "VirtualMachine.Interact.PowerOn",
      /Folder 'Prod' \(group-v30\)/,
    );
    expectDenied(
      await clone("operator", {
        source: "vm-1005",
        name: "op-2",
        placement: { folder: "group-v30" },
      }),
      "VirtualMachine.Interact.PowerOn",
      /group-v30/,
    );
  });

  it("let operator clone a Prod VM into another folder", async () => {
    const reply = await clone("operator", {
      source: "vm-1001",
      name: "op-3",
      placement: { folder: "group-v31" },
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  });

  it("let administrator clone into Prod", async () => {
    const reply = await clone("administrator", { source: "vm-1001", name: "admin-1" });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  });
});
