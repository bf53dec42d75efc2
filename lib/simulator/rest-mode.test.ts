import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type SimClient, startTestSimulator, type TestSimulator } from "./test-support";

// The deprecated /rest flavour: mode "rest" is a 7.0 before U2 (no /api), "legacy67" a 6.7
// (no instant clone at all), and mode "api" serves /rest beside /api as 7.0 U2+ does.

const started: TestSimulator[] = [];
async function simulator(mode: "api" | "rest" | "legacy67", vms?: number): Promise<SimClient> {
  const t = await startTestSimulator({ mode, ...(vms ? { vms } : {}) });
  started.push(t);
  return t.client;
}
afterAll(() => Promise.all(started.map((t) => t.sim.close())));

async function restLogin(api: SimClient): Promise<string> {
  const reply = await api.call("POST", "/rest/com/vmware/cis/session", {
    headers: api.basic("administrator@vsphere.local"),
  });
  expect(reply.status).toBe(200);
  return (reply.body as { value: string }).value;
}

const ROUTER_NOT_FOUND = {
  name: "com.vmware.vapi.rest.httpNotFound",
  localizableMessages: [{ defaultMessage: "Not found.", id: "com.vmware.vapi.rest.httpNotFound" }],
  majorErrorCode: 404,
};

describe("mode rest", () => {
  let api: SimClient;
  let token: string;
  beforeAll(async () => {
    api = await simulator("rest", 4100);
    token = await restLogin(api);
  });

  it("logs in with 200 {value: token}, tells the user with ~action=get, logs out with 200", async () => {
    const session = await restLogin(api);
    expect(session).toMatch(/^[0-9a-f]{32}$/);
    const info = await api.call("POST", "/rest/com/vmware/cis/session?~action=get", {
      token: session,
    });
    expect(info).toMatchObject({
      status: 200,
      body: { value: { user: "VSPHERE.LOCAL\\Administrator" } },
    });
    const out = await api.call("DELETE", "/rest/com/vmware/cis/session", { token: session });
    expect(out).toMatchObject({ status: 200, body: undefined });
    const after = await api.call("POST", "/rest/com/vmware/cis/session?~action=get", {
      token: session,
    });
    expect(after.status).toBe(401);
    expect(after.body).toMatchObject({
      type: "com.vmware.vapi.std.errors.unauthenticated",
      value: { error_type: "UNAUTHENTICATED" },
    });
  });

  it("has no /api: its router answers 404", async () => {
    const reply = await api.call("POST", "/api/session", {
      headers: api.basic("administrator@vsphere.local"),
    });
    expect(reply).toMatchObject({ status: 404, body: ROUTER_NOT_FOUND });
  });

  it("takes filter.-prefixed list filters and wraps lists in value", async () => {
    const reply = await api.call(
      "GET",
      "/rest/vcenter/vm?filter.names=prod-web-01&filter.power_states=POWERED_ON",
      { token },
    );
    expect(reply).toMatchObject({
      status: 200,
      body: { value: [{ vm: "vm-1001", name: "prod-web-01" }] },
    });
  });

  it("answers the list cap with 400, not 500", async () => {
    const reply = await api.call("GET", "/rest/vcenter/vm", { token });
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({
      type: "com.vmware.vapi.std.errors.unable_to_allocate_resource",
      value: {
        error_type: "UNABLE_TO_ALLOCATE_RESOURCE",
        messages: [expect.objectContaining({ id: "com.vmware.api.vcenter.vm.too_many_matches" })],
      },
    });
  });

  it("writes VM.Info maps as key/value arrays", async () => {
    const reply = await api.call("GET", "/rest/vcenter/vm/vm-1001", { token });
    const value = (reply.body as { value: Record<string, unknown> }).value;
    expect(value.nics).toEqual([
      { key: "4000", value: expect.objectContaining({ label: "Network adapter 1" }) },
      { key: "4001", value: expect.objectContaining({ label: "Network adapter 2" }) },
    ]);
    expect(value).toMatchObject({
      instant_clone_frozen: false,
      serial_ports: [],
      disks: [{ key: "2000", value: expect.any(Object) }],
    });
  });

  it("wraps errors as {type, value}", async () => {
    const reply = await api.call("GET", "/rest/vcenter/vm/vm-99", { token });
    expect(reply.status).toBe(404);
    expect(reply.body).toMatchObject({
      type: "com.vmware.vapi.std.errors.not_found",
      value: { error_type: "NOT_FOUND", messages: [{ id: "com.vmware.api.vcenter.vm.not_found" }] },
    });
  });

  it("instant-clones from {spec} with maps as key/value arrays", async () => {
    const body = {
      spec: {
        source: "vm-1001",
        name: "rest-ic-01",
        nics_to_update: [{ key: "4000", value: { start_connected: false } }],
        serial_ports_to_update: [],
      },
    };
    const reply = await api.call("POST", "/rest/vcenter/vm?action=instant-clone", { token, body });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    const vm = (reply.body as { value: string }).value;
    const nic = await api.call("GET", `/rest/vcenter/vm/${vm}/hardware/ethernet/4000`, { token });
    expect(nic.body).toMatchObject({ value: { start_connected: false, state: "NOT_CONNECTED" } });
  });

  it("refuses an unwrapped spec and answers rule failures in /rest form", async () => {
    const bare = await api.call("POST", "/rest/vcenter/vm?action=instant-clone", {
      token,
      body: { source: "vm-1001", name: "x" },
    });
    expect(bare.status).toBe(400);
    expect(bare.body).toMatchObject({
      value: {
        messages: [
          {
            id: "vapi.data.structure.field.unexpected",
            args: ["[source, name]", "operation-input"],
          },
        ],
      },
    });
    const off = await api.call("POST", "/rest/vcenter/vm?action=instant-clone", {
      token,
      body: { spec: { source: "vm-1003", name: "x" } },
    });
    expect(off).toMatchObject({
      status: 400,
      body: { type: "com.vmware.vapi.std.errors.not_allowed_in_current_state" },
    });
  });
});

describe("mode legacy67", () => {
  let api: SimClient;
  let token: string;
  beforeAll(async () => {
    api = await simulator("legacy67");
    token = await restLogin(api);
  });

  it("answers instant clone with the unexpected_input error vSphere 6.7 gave (INSTANT-CLONE-FAULTS A5)", async () => {
    const reply = await api.call("POST", "/rest/vcenter/vm?action=instant-clone", {
      token,
      body: { spec: { source: "vm-1001", name: "x" } },
    });
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({
      type: "com.vmware.vapi.std.errors.unexpected_input",
      value: {
        messages: [
          {
            args: ["[action]", "operation-input"],
            default_message: "Found unexpected fields [action] in structure 'operation-input'.",
            id: "vapi.data.structure.field.unexpected",
          },
        ],
      },
    });
  });

  it("has no identity or instant_clone_frozen in VM.Info, and no error_type in errors", async () => {
    const info = (await api.call("GET", "/rest/vcenter/vm/vm-1001", { token })).body as {
      value: Record<string, unknown>;
    };
    expect(info.value).not.toHaveProperty("identity");
    expect(info.value).not.toHaveProperty("instant_clone_frozen");
    const missing = await api.call("GET", "/rest/vcenter/vm/vm-99", { token });
    expect((missing.body as { value: object }).value).not.toHaveProperty("error_type");
  });
});

describe("mode api", () => {
  it("serves the /rest flavour beside /api, as vCenter 7.0 U2+ does", async () => {
    const api = await simulator("api");
    const token = await restLogin(api);
    expect(
      (await api.call("GET", "/rest/vcenter/vm?filter.names=prod-web-01", { token })).status,
    ).toBe(200);
    expect((await api.call("GET", "/api/vcenter/vm?names=prod-web-01", { token })).status).toBe(
      200,
    );
    expect(await api.call("GET", "/rest/vcenter/nothing", { token })).toMatchObject({
      status: 404,
      body: ROUTER_NOT_FOUND,
    });
  });
});
