import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { SpecValidator } from "./spec-validator";
import { type SimClient, startTestSimulator, type TestSimulator } from "./test-support";

// Every answer the simulator gives, success or error, checked against the response schema the
// official spec declares for that operation and status.

const spec = new SpecValidator();
const sims: TestSimulator[] = [];
let api: SimClient;
let big: SimClient;
let legacy: SimClient;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  const [main, capped, old] = await Promise.all([
    startTestSimulator(),
    startTestSimulator({ vms: 4100 }),
    startTestSimulator({ mode: "legacy67" }),
  ]);
  sims.push(main, capped, old);
  [api, big, legacy] = [main.client, capped.client, old.client];
  tokens.admin = await api.login();
  tokens.readonly = await api.login("readonly@vsphere.local");
  tokens.big = await big.login();
  tokens.legacy = (
    (
      await legacy.call("POST", "/rest/com/vmware/cis/session", {
        headers: legacy.basic("administrator@vsphere.local"),
      })
    ).body as { value: string }
  ).value;
});
afterAll(() => Promise.all(sims.map((t) => t.sim.close())));

interface Case {
  method: string;
  template: string;
  url: string;
  status: number;
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  client?: () => SimClient;
}

async function conforms(c: Case): Promise<void> {
  const client = c.client?.() ?? api;
  const token = c.token === undefined ? tokens.admin : tokens[c.token];
  const reply = await client.call(c.method, c.url, { token, body: c.body, headers: c.headers });
  expect(reply.status, JSON.stringify(reply.body)).toBe(c.status);
  expect(spec.check(c.method, c.template, c.status, reply.body)).toEqual([]);
}

const basic = (user: string, password = "VMware1!") => ({
  authorization: `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`,
});
const VM = "/api/vcenter/vm/{vm}";
const CLONE = "/api/vcenter/vm?action=instant-clone";
const REST_CLONE = "/rest/vcenter/vm?action=instant-clone";
const REST_SESSION = "/rest/com/vmware/cis/session";
const STOP = `${VM}/power?action=stop`;
const stop = (vm: string) => `/api/vcenter/vm/${vm}/power?action=stop`;

/** A row: the spec path `template`, the URL called (the template unless given) and the status. */
const row = (
  name: string,
  method: string,
  template: string,
  status: number,
  extra: Partial<Case> = {},
): [string, Case] => [name, { method, template, url: template, status, ...extra }];
const get = (
  name: string,
  template: string,
  status: number,
  url = template,
  extra: Partial<Case> = {},
) => row(name, "GET", template, status, { url, ...extra });
const clone = (name: string, status: number, body: unknown, extra: Partial<Case> = {}) =>
  row(name, "POST", CLONE, status, { body, ...extra });
const restClone = (name: string, status: number, spec: unknown, extra: Partial<Case> = {}) =>
  row(name, "POST", REST_CLONE, status, { body: { spec }, ...extra });
const NO_SESSION = { token: "" };
const BIG = { token: "big", client: () => big };
const LEGACY = { token: "legacy", client: () => legacy };

const apiCases: [string, Case][] = [
  row("login", "POST", "/api/session", 201, {
    ...NO_SESSION,
    headers: basic("administrator@vsphere.local"),
  }),
  row("bad login", "POST", "/api/session", 401, {
    ...NO_SESSION,
    headers: basic("administrator@vsphere.local", "x"),
  }),
  get("session info", "/api/session", 200),
  get("no session", "/api/session", 401, "/api/session", NO_SESSION),
  row("logout without session", "DELETE", "/api/session", 401, NO_SESSION),
  get("vm list", "/api/vcenter/vm", 200),
  get("vm list, bad filter", "/api/vcenter/vm", 400, "/api/vcenter/vm?power_states=ON"),
  get("vm list, no session", "/api/vcenter/vm", 401, "/api/vcenter/vm", NO_SESSION),
  get("vm list over the cap", "/api/vcenter/vm", 500, "/api/vcenter/vm", BIG),
  clone("clone", 200, { source: "vm-1005", name: "conf-1", disconnect_all_nics: true }),
  clone("clone, bad shape", 400, { source: "vm-1005" }),
  clone("clone, powered off", 400, { source: "vm-1003", name: "x" }),
  clone("clone, name taken", 400, { source: "vm-1001", name: "prod-web-01" }),
  clone("clone, port in use", 400, {
    source: "vm-1001",
    name: "x",
    nics_to_update: {
      "4001": {
        backing: {
          type: "DISTRIBUTED_PORTGROUP",
          network: "dvportgroup-20",
          distributed_port: "0",
        },
      },
    },
  }),
  clone("clone, no privilege", 403, { source: "vm-1005", name: "x" }, { token: "readonly" }),
  clone("clone, unknown source", 404, { source: "vm-9", name: "x" }),
  clone("clone, no session", 401, {}, NO_SESSION),
  get("vm, unknown", VM, 404, "/api/vcenter/vm/vm-9"),
  get("power", `${VM}/power`, 200, "/api/vcenter/vm/vm-1003/power"),
  get("power, unknown vm", `${VM}/power`, 404, "/api/vcenter/vm/vm-9/power"),
  get("nic list", `${VM}/hardware/ethernet`, 200, "/api/vcenter/vm/vm-1012/hardware/ethernet"),
  get(
    "nic, unknown",
    `${VM}/hardware/ethernet/{nic}`,
    404,
    "/api/vcenter/vm/vm-1001/hardware/ethernet/4444",
  ),
  get("serial list", `${VM}/hardware/serial`, 200, "/api/vcenter/vm/vm-1006/hardware/serial"),
  get(
    "serial, unknown",
    `${VM}/hardware/serial/{port}`,
    404,
    "/api/vcenter/vm/vm-1006/hardware/serial/9009",
  ),
  get("parallel list", `${VM}/hardware/parallel`, 200, "/api/vcenter/vm/vm-1006/hardware/parallel"),
  get(
    "parallel, unknown",
    `${VM}/hardware/parallel/{port}`,
    404,
    "/api/vcenter/vm/vm-1006/hardware/parallel/9",
  ),
  get("tools", `${VM}/tools`, 200, "/api/vcenter/vm/vm-1001/tools"),
  get("tools, powered off", `${VM}/tools`, 200, "/api/vcenter/vm/vm-1003/tools"),
  get("tools, unknown vm", `${VM}/tools`, 404, "/api/vcenter/vm/vm-9/tools"),
  get("guest identity", `${VM}/guest/identity`, 200, "/api/vcenter/vm/vm-1007/guest/identity"),
  get(
    "guest identity, Tools not running",
    `${VM}/guest/identity`,
    503,
    "/api/vcenter/vm/vm-1003/guest/identity",
  ),
  get(
    "guest identity, unknown vm",
    `${VM}/guest/identity`,
    404,
    "/api/vcenter/vm/vm-9/guest/identity",
  ),
  get(
    "guest interfaces",
    `${VM}/guest/networking/interfaces`,
    200,
    "/api/vcenter/vm/vm-1012/guest/networking/interfaces",
  ),
  get(
    "guest interfaces, Tools not running",
    `${VM}/guest/networking/interfaces`,
    503,
    "/api/vcenter/vm/vm-1011/guest/networking/interfaces",
  ),
  row("power off, no privilege", "POST", STOP, 403, { url: stop("vm-1012"), token: "readonly" }),
  row("power off, unknown vm", "POST", STOP, 404, { url: stop("vm-9") }),
  row("power off, already off", "POST", STOP, 400, { url: stop("vm-1003") }),
  row("delete, running", "DELETE", VM, 400, { url: "/api/vcenter/vm/vm-1012" }),
  row("delete, no privilege", "DELETE", VM, 403, {
    url: "/api/vcenter/vm/vm-1011",
    token: "readonly",
  }),
  row("delete, unknown vm", "DELETE", VM, 404, { url: "/api/vcenter/vm/vm-9" }),
  row("power off", "POST", STOP, 204, { url: stop("vm-1009") }),
  row("delete", "DELETE", VM, 204, { url: "/api/vcenter/vm/vm-1009" }),
  get("folders", "/api/vcenter/folder", 200),
  get("folders, bad type", "/api/vcenter/folder", 400, "/api/vcenter/folder?type=X"),
  get("datacenters", "/api/vcenter/datacenter", 200),
  get(
    "datacenter",
    "/api/vcenter/datacenter/{datacenter}",
    200,
    "/api/vcenter/datacenter/datacenter-2",
  ),
  get(
    "datacenter, unknown",
    "/api/vcenter/datacenter/{datacenter}",
    404,
    "/api/vcenter/datacenter/datacenter-9",
  ),
  get("clusters", "/api/vcenter/cluster", 200),
  get("hosts", "/api/vcenter/host", 200),
  get("hosts, bad state", "/api/vcenter/host", 400, "/api/vcenter/host?connection_states=UP"),
  get("resource pools", "/api/vcenter/resource-pool", 200),
  get("datastores", "/api/vcenter/datastore", 200),
  get("datastores, bad type", "/api/vcenter/datastore", 400, "/api/vcenter/datastore?types=X"),
  get("networks", "/api/vcenter/network", 200),
  get("networks, bad type", "/api/vcenter/network", 400, "/api/vcenter/network?types=X"),
];

const restCases: [string, Case][] = [
  row("login", "POST", REST_SESSION, 200, {
    ...NO_SESSION,
    headers: basic("administrator@vsphere.local"),
  }),
  row("bad login", "POST", REST_SESSION, 401, { ...NO_SESSION, headers: basic("x@vsphere.local") }),
  row("session info", "POST", `${REST_SESSION}?~action=get`, 200),
  get("vm list", "/rest/vcenter/vm", 200, "/rest/vcenter/vm?filter.folders=group-v30"),
  get("vm list over the cap", "/rest/vcenter/vm", 400, "/rest/vcenter/vm", BIG),
  get("vm list, no session", "/rest/vcenter/vm", 401, "/rest/vcenter/vm", NO_SESSION),
  get("vm", "/rest/vcenter/vm/{vm}", 200, "/rest/vcenter/vm/vm-1006"),
  get("vm, unknown", "/rest/vcenter/vm/{vm}", 404, "/rest/vcenter/vm/vm-9"),
  get("vm, 6.7", "/rest/vcenter/vm/{vm}", 200, "/rest/vcenter/vm/vm-1006", LEGACY),
  get(
    "nic",
    "/rest/vcenter/vm/{vm}/hardware/ethernet/{nic}",
    200,
    "/rest/vcenter/vm/vm-1001/hardware/ethernet/4001",
  ),
  get("power", "/rest/vcenter/vm/{vm}/power", 200, "/rest/vcenter/vm/vm-1001/power"),
  get("folders", "/rest/vcenter/folder", 200, "/rest/vcenter/folder?filter.type=VIRTUAL_MACHINE"),
  ...["datacenter", "cluster", "host", "resource-pool", "datastore", "network"].map((list) =>
    get(`${list}s`, `/rest/vcenter/${list}`, 200),
  ),
  get(
    "nic list",
    "/rest/vcenter/vm/{vm}/hardware/ethernet",
    200,
    "/rest/vcenter/vm/vm-1012/hardware/ethernet",
  ),
  get(
    "serial",
    "/rest/vcenter/vm/{vm}/hardware/serial/{port}",
    200,
    "/rest/vcenter/vm/vm-1006/hardware/serial/9001",
  ),
  get(
    "parallel",
    "/rest/vcenter/vm/{vm}/hardware/parallel/{port}",
    200,
    "/rest/vcenter/vm/vm-1006/hardware/parallel/10000",
  ),
  restClone("clone", 200, {
    source: "vm-1001",
    name: "conf-rest",
    nics_to_update: [{ key: "4000", value: { start_connected: false } }],
  }),
  restClone("clone, powered off", 400, { source: "vm-1003", name: "x" }),
  restClone("clone, unknown source", 404, { source: "vm-9", name: "x" }),
  row("power off", "POST", "/rest/vcenter/vm/{vm}/power/stop", 200, {
    url: "/rest/vcenter/vm/vm-1010/power/stop",
  }),
  row("delete", "DELETE", "/rest/vcenter/vm/{vm}", 200, { url: "/rest/vcenter/vm/vm-1010" }),
  get(
    "guest identity",
    "/rest/vcenter/vm/{vm}/guest/identity",
    200,
    "/rest/vcenter/vm/vm-1001/guest/identity",
  ),
  restClone("clone, 6.7", 400, { source: "vm-1001", name: "x" }, LEGACY),
];

describe("/api answers conform to vcenter-7.0.3 and session-8.0.2", () => {
  it.each(apiCases)("%s", async (_, c) => conforms(c));

  it("for every VM.Info, NIC, serial and parallel port of the inventory, clones included", async () => {
    const vms = (await api.call("GET", "/api/vcenter/vm", { token: tokens.admin })).body as {
      vm: string;
    }[];
    for (const { vm } of vms) {
      await conforms({ method: "GET", template: VM, url: `/api/vcenter/vm/${vm}`, status: 200 });
      await conforms({
        method: "GET",
        template: `${VM}/power`,
        url: `/api/vcenter/vm/${vm}/power`,
        status: 200,
      });
      for (const kind of ["ethernet", "serial", "parallel"] as const) {
        const items = (
          await api.call("GET", `/api/vcenter/vm/${vm}/hardware/${kind}`, { token: tokens.admin })
        ).body as Record<string, string>[];
        const param = kind === "ethernet" ? "nic" : "port";
        for (const item of items)
          await conforms({
            method: "GET",
            template: `${VM}/hardware/${kind}/{${param}}`,
            url: `/api/vcenter/vm/${vm}/hardware/${kind}/${item[param]}`,
            status: 200,
          });
      }
    }
  });

  it("for logout", async () => {
    const token = await api.login();
    const reply = await api.call("DELETE", "/api/session", { token });
    expect(reply.status).toBe(204);
    expect(spec.check("DELETE", "/api/session", 204, reply.body)).toEqual([]);
  });
});

describe("/rest answers conform to vcenter-7.0.3 and cis-7.0.3", () => {
  it.each(restCases)("%s", async (_, c) => conforms(c));
});

describe("the validators are not vacuous", () => {
  it("refuse bodies that break the schema", () => {
    const vmInfo = spec.definition("VcenterVMInfo");
    const complete = {
      guest_OS: "UBUNTU_64",
      name: "x",
      power_state: "POWERED_ON",
      hardware: { version: "VMX_19", upgrade_policy: "NEVER", upgrade_status: "NONE" },
      boot: { type: "BIOS", delay: 0, retry: false, retry_delay: 0, enter_setup_mode: false },
      boot_devices: [],
      cpu: { count: 1, cores_per_socket: 1, hot_add_enabled: false, hot_remove_enabled: false },
      memory: { size_MiB: 1, hot_add_enabled: false },
      disks: {},
      nics: {},
      cdroms: {},
      floppies: {},
      parallel_ports: {},
      serial_ports: {},
      sata_adapters: {},
      scsi_adapters: {},
    };
    expect(vmInfo(complete)).toBe(true);
    const withoutGuest: Record<string, unknown> = { ...complete };
    delete withoutGuest.guest_OS;
    expect(vmInfo(withoutGuest)).toBe(false);
    expect(vmInfo({ ...complete, power_state: "RUNNING" })).toBe(false);
    expect(vmInfo({ ...complete, nics: { "4000": { label: "x" } } })).toBe(false);
    expect(spec.check("GET", VM, 404, { error_type: "NOT_FOUND" })).not.toEqual([]);
    expect(spec.check("GET", VM, 404, { error_type: "GONE", messages: [] })).not.toEqual([]);
    expect(spec.check("GET", "/api/vcenter/vm", 200, [{ vm: "vm-1", name: "x" }])).not.toEqual([]);
    expect(spec.check("POST", CLONE, 200, { value: "vm-1" })).not.toEqual([]);
    expect(spec.check("POST", "/api/session", 201, "token")).toEqual([]);
  });
});
