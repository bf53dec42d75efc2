import type { APIRequestContext } from "@playwright/test";

import { expect } from "./fixtures";

export interface VmDetail {
  vm: string;
  name: string;
  power_state: string;
  instant_clone_frozen: boolean;
  bios_uuid?: string;
  nics: {
    key: string;
    mac_type: string;
    mac_address?: string;
    start_connected: boolean;
    backing: { type: string; network?: string };
  }[];
  serial_ports: { key: string; backing: { type: string; file?: string } }[];
  parallel_ports: { key: string; backing: { type: string } }[];
}
export interface NetworkItem {
  network: string;
  name: string;
  type: string;
}

export async function getJson<T>(api: APIRequestContext, path: string): Promise<T> {
  const res = await api.get(path);
  expect(res.status(), `${path}: ${await res.text()}`).toBe(200);
  return (await res.json()) as T;
}

/** The VMs of an environment in a power state, read through the console. */
export async function vmsIn(api: APIRequestContext, powerState: string, env = "sim") {
  const list = await getJson<{ items: { vm: string; name: string }[] }>(
    api,
    `/api/environments/${env}/vms?power_state=${powerState}&limit=1000`,
  );
  return list.items;
}

/** The first running VM (not frozen) that matches `want`, read in full. */
export async function findSource(
  api: APIRequestContext,
  want: (vm: VmDetail) => boolean,
  env = "sim",
): Promise<VmDetail> {
  for (const item of await vmsIn(api, "POWERED_ON", env)) {
    const vm = await getJson<VmDetail>(api, `/api/environments/${env}/vms/${item.vm}`);
    if (want(vm)) return vm;
  }
  throw new Error("no source VM in the simulator's inventory matches");
}

export const randomMac = () =>
  `00:50:56:${[0, 0, 0]
    .map(() =>
      Math.floor(Math.random() * 0x3f)
        .toString(16)
        .padStart(2, "0"),
    )
    .join(":")}`;
