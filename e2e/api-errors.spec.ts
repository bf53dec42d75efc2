import type { APIRequestContext } from "@playwright/test";

import { expect, loginAs, PASSWORD, test, USERS } from "./fixtures";
import { simUrl } from "./ports";

// vCenter's refusals through the console: vCenter's status, origin "vcenter", its error type,
// and its body unchanged — compared with what the simulator answers the same request directly.

const ids: Record<string, string> = {};
async function vmId(api: APIRequestContext, name: string): Promise<string> {
  if (!ids[name]) {
    const res = await api.get(`/api/environments/sim/vms?q=${encodeURIComponent(name)}`);
    const { items } = (await res.json()) as { items: { vm: string; name: string }[] };
    ids[name] = items.find((vm) => vm.name === name)!.vm;
  }
  return ids[name];
}

async function directToken(request: APIRequestContext, user: string): Promise<string> {
  const res = await request.post(`${simUrl}/api/session`, {
    headers: { authorization: `Basic ${Buffer.from(`${user}:${PASSWORD}`).toString("base64")}` },
  });
  return (await res.json()) as string;
}

type Spec = Record<string, unknown>;
const rows: {
  title: string;
  user?: keyof typeof USERS;
  spec: (vm: (n: string) => Promise<string>) => Promise<Spec>;
  status: number;
  errorType: string;
}[] = [
  {
    title: "name taken in the target folder",
    status: 400,
    errorType: "ALREADY_EXISTS",
    spec: async (vm) => ({
      source: await vm("prod-web-01"),
      name: "prod-web-02",
      placement: { folder: "group-v30" },
    }),
  },
  {
    title: "source VM that does not exist",
    status: 404,
    errorType: "NOT_FOUND",
    spec: async () => ({ source: "vm-999999", name: "e-nf-src" }),
  },
  {
    title: "folder that does not exist",
    status: 404,
    errorType: "NOT_FOUND",
    spec: async (vm) => ({
      source: await vm("dev-ubuntu-01"),
      name: "e-nf-folder",
      placement: { folder: "group-v999999" },
    }),
  },
  {
    title: "resource pool that does not exist",
    status: 404,
    errorType: "NOT_FOUND",
    spec: async (vm) => ({
      source: await vm("dev-ubuntu-01"),
      name: "e-nf-pool",
      placement: { resource_pool: "resgroup-999999" },
    }),
  },
  {
    title: "datastore that does not exist",
    status: 404,
    errorType: "NOT_FOUND",
    spec: async (vm) => ({
      source: await vm("dev-ubuntu-01"),
      name: "e-nf-ds",
      placement: { datastore: "datastore-999999" },
    }),
  },
  {
    title: "network that does not exist",
    status: 404,
    errorType: "NOT_FOUND",
    spec: async (vm) => ({
      source: await vm("dev-ubuntu-01"),
      name: "e-nf-net",
      nics_to_update: {
        "4000": { backing: { type: "STANDARD_PORTGROUP", network: "network-999999" } },
      },
    }),
  },
  {
    title: "powered-off source",
    status: 400,
    errorType: "NOT_ALLOWED_IN_CURRENT_STATE",
    spec: async (vm) => ({ source: await vm("prod-db-01"), name: "e-off" }),
  },
  {
    title: "suspended source",
    status: 400,
    errorType: "NOT_ALLOWED_IN_CURRENT_STATE",
    spec: async (vm) => ({ source: await vm("dev-app-01"), name: "e-suspended" }),
  },
  {
    title: "read-only user",
    user: "readonly",
    status: 403,
    errorType: "UNAUTHORIZED",
    spec: async (vm) => ({ source: await vm("dev-ubuntu-01"), name: "e-readonly" }),
  },
  {
    title: "operator cloning into Prod",
    user: "operator",
    status: 403,
    errorType: "UNAUTHORIZED",
    spec: async (vm) => ({
      source: await vm("dev-ubuntu-01"),
      name: "e-op-prod",
      placement: { folder: "group-v30" },
    }),
  },
  {
    title: "NIC key the source does not have",
    status: 400,
    errorType: "INVALID_ARGUMENT",
    spec: async (vm) => ({
      source: await vm("dev-ubuntu-01"),
      name: "e-nic-key",
      nics_to_update: { "4009": { start_connected: false } },
    }),
  },
  {
    title: "network of the wrong type for the backing",
    status: 400,
    errorType: "INVALID_ARGUMENT",
    spec: async (vm) => ({
      source: await vm("dev-ubuntu-01"),
      name: "e-net-type",
      nics_to_update: {
        "4000": { backing: { type: "STANDARD_PORTGROUP", network: "dvportgroup-20" } },
      },
    }),
  },
  {
    title: "datastore the source's host cannot reach",
    status: 400,
    errorType: "INVALID_ARGUMENT",
    spec: async (vm) => ({
      source: await vm("dev-ubuntu-01"),
      name: "e-ds-far",
      placement: { datastore: "datastore-24" },
    }),
  },
  {
    title: "resource pool outside the source's cluster",
    status: 400,
    errorType: "INVALID_ARGUMENT",
    spec: async (vm) => ({
      source: await vm("dev-ubuntu-01"),
      name: "e-pool-far",
      placement: { resource_pool: "resgroup-29" },
    }),
  },
  {
    title: "serial port key the source does not have",
    status: 400,
    errorType: "INVALID_ARGUMENT",
    spec: async (vm) => ({
      source: await vm("dev-ubuntu-01"),
      name: "e-serial-key",
      serial_ports_to_update: { "9009": { start_connected: true } },
    }),
  },
  {
    title: "parallel port key the source does not have",
    status: 400,
    errorType: "INVALID_ARGUMENT",
    spec: async (vm) => ({
      source: await vm("prod-web-01"),
      name: "e-par-key",
      parallel_ports_to_update: { "10009": { start_connected: true } },
    }),
  },
];

for (const row of rows) {
  test(`vCenter error passes through: ${row.title}`, async ({ playwright, request, admin }) => {
    const user = USERS[row.user ?? "admin"];
    const api = row.user ? await loginAs(playwright, user) : admin;
    const spec = await row.spec((name) => vmId(admin, name));

    const res = await api.post("/api/environments/sim/instant-clone", { data: spec });
    const { error } = await res.json();
    expect(res.status()).toBe(row.status);
    expect(error).toMatchObject({
      origin: "vcenter",
      status: row.status,
      vcenter: { error_type: row.errorType },
    });
    expect(error.vcenter.messages.length).toBeGreaterThan(0);
    expect(error.message).toBe(error.vcenter.messages[0].default_message);

    const direct = await request.post(`${simUrl}/api/vcenter/vm?action=instant-clone`, {
      headers: { "vmware-api-session-id": await directToken(request, user) },
      data: spec,
    });
    expect(direct.status()).toBe(row.status);
    expect(error.vcenter).toEqual(await direct.json());
    if (row.user) await api.dispose();
  });
}
