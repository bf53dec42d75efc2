import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";

import type { RunningSimulator } from "@/lib/simulator";

import { vcenterCall } from "./call";
import type { VcenterContext } from "./context";
import { VcenterError } from "./errors";
import { instantClone } from "./instant-clone";
import {
  listDatacenters,
  listDatastores,
  listFolders,
  listNetworks,
  listResourcePools,
  poolsOfHost,
} from "./placement-lists";
import { simulatorContext } from "./test-runtime";
import { findVmPlacement } from "./vm-placement";

// A site over vCenter's list caps (FACTS.md §5: 1,000 folders, 1,000 networks in one answer):
// 1,500 extra VM folders (nested "Teams / Teams-NN / Team-NNNN"), 2,100 extra port groups
// (1,050 of each type in folders of 500: over the cap even split by type) and a second
// datacenter. Each list is read whole, and matches what the simulator answers filter by filter.

let sim: RunningSimulator;
let ctx: VcenterContext;
const FOLDERS = 1500;
const NETWORKS = 2100;

beforeAll(async () => {
  ({ sim, ctx } = await simulatorContext({
    extraVmFolders: FOLDERS,
    extraNetworks: NETWORKS,
    secondDatacenter: true,
  }));
});
afterAll(async () => sim.close());

/** vCenter's own answer to one list call. */
const direct = (path: string) => vcenterCall(ctx, { path, schema: listSchema });
const listSchema = z.array(z.record(z.string(), z.unknown()));

async function refused(path: string) {
  const err = await direct(path).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(VcenterError);
  expect((err as VcenterError).errorType).toBe("UNABLE_TO_ALLOCATE_RESOURCE");
}

describe("placement lists over vCenter's caps", () => {
  it("reads 1,500+ VM folders that vCenter refuses in one answer, each with its path", async () => {
    await refused("/api/vcenter/folder?type=VIRTUAL_MACHINE");
    const folders = await listFolders(ctx);
    // DC1: vm, Prod, Dev, Templates, Lab, Teams, 15 Teams-NN, 1,500 Team-NNNN; DC2: vm, Linux, Web.
    expect(folders).toHaveLength(5 + 1 + 15 + FOLDERS + 3);
    expect(new Set(folders.map((f) => f.folder)).size).toBe(folders.length);
    const team = folders.find((f) => f.name === "Team-1342")!;
    expect(team).toEqual({
      folder: "group-v51342",
      name: "Team-1342",
      datacenter: "datacenter-2",
      path: "DC1 / Teams / Teams-14 / Team-1342",
    });
    // The path is vCenter's: Team-1342's parent is Teams-14, whose parent is Teams.
    const teams14 = folders.find((f) => f.name === "Teams-14")!;
    const children = await direct(
      `/api/vcenter/folder?parent_folders=${teams14.folder}&names=Team-1342`,
    );
    expect(children.map((c) => c.folder)).toEqual([team.folder]);
    expect(folders.find((f) => f.name === "Web")).toMatchObject({
      path: "DC2 / Linux / Web",
      datacenter: expect.not.stringMatching(/^datacenter-2$/),
    });
    expect(folders.find((f) => f.name === "Prod")?.path).toBe("DC1 / Prod");
  });

  it("reads 2,100+ networks by datacenter, type and folder, each with its datacenter", async () => {
    await refused("/api/vcenter/network");
    await refused("/api/vcenter/network?datacenters=datacenter-2&types=DISTRIBUTED_PORTGROUP");
    const networks = await listNetworks(ctx);
    // DC1: VM Network, pg-prod-static, pg-dev-ephemeral, seg-nsx-web, Backup-VLAN40.
    expect(networks).toHaveLength(5 + NETWORKS + 1);
    expect(new Set(networks.map((n) => n.network)).size).toBe(networks.length);
    const dc2 = (await listDatacenters(ctx)).find((d) => d.name === "DC2")!.datacenter;
    expect(networks.filter((n) => n.datacenter === dc2).map((n) => n.name)).toEqual(["pg-dc2-web"]);
    // vCenter agrees on DC2's networks when asked directly (a list that fits).
    expect((await direct(`/api/vcenter/network?datacenters=${dc2}`)).map((n) => n.name)).toEqual([
      "pg-dc2-web",
    ]);
  });

  it("names each pool's cluster, and a host's pools are its cluster's", async () => {
    const pools = await listResourcePools(ctx);
    const resources = pools.filter((p) => p.name === "Resources").map((p) => p.cluster);
    expect(resources.sort()).toEqual(["Cluster-A", "Cluster-B", "Cluster-C"]);
    expect(pools.find((p) => p.resource_pool === "resgroup-29")).toMatchObject({
      name: "Lab",
      cluster: "Cluster-B",
      datacenter: "datacenter-2",
    });
    expect((await poolsOfHost(ctx, "host-9")).sort()).toEqual([
      "resgroup-27",
      "resgroup-28",
      "resgroup-8",
    ]);
  });

  it("tags datastores with their datacenter", async () => {
    const datastores = await listDatastores(ctx);
    expect(datastores.find((d) => d.name === "nfs-shared-01")?.datacenter).toBe("datacenter-2");
    expect(datastores.find((d) => d.name === "vsan-dc2")?.datacenter).not.toBe("datacenter-2");
  });
});

describe("findVmPlacement", () => {
  const known = async () => {
    const folders = await listFolders(ctx);
    return {
      datacenters: async () => (await listDatacenters(ctx)).map((d) => d.datacenter),
      folders: async (dc: string) =>
        folders.filter((f) => f.datacenter === dc).map((f) => f.folder),
    };
  };
  const vmNamed = async (name: string) =>
    (await direct(`/api/vcenter/vm?names=${name}`))[0].vm as string;

  it("finds a source's datacenter, host, folder, pool and datastore through the list filters", async () => {
    expect(await findVmPlacement(ctx, await vmNamed("prod-web-01"), await known())).toEqual({
      datacenter: "datacenter-2",
      host: "host-9",
      folder: "group-v30",
      resource_pool: "resgroup-27",
      datastore: "datastore-11",
    });
  });

  it("finds where a clone landed: a deep folder among 1,500, another pool and datastore", async () => {
    const source = await vmNamed("prod-web-01");
    const vm = await instantClone(ctx, {
      source,
      name: "placement-deep-01",
      placement: {
        folder: "group-v51342",
        resource_pool: "resgroup-28",
        datastore: "datastore-24",
      },
    });
    expect(await findVmPlacement(ctx, vm, await known())).toEqual({
      datacenter: "datacenter-2",
      host: "host-9",
      folder: "group-v51342",
      resource_pool: "resgroup-28",
      datastore: "datastore-24",
    });
  });

  it("a datastore of another datacenter is refused for a clone, as vCenter does", async () => {
    const err = await instantClone(ctx, {
      source: await vmNamed("dc2-web-01"),
      name: "placement-other-dc-01",
      placement: { datastore: "datastore-11" }, // nfs-shared-01, every DC1 host sees it
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VcenterError);
    expect(await direct("/api/vcenter/vm?names=placement-other-dc-01")).toEqual([]);
  });

  it("finds a VM of the second datacenter", async () => {
    const found = await findVmPlacement(ctx, await vmNamed("dc2-web-01"), await known());
    const folders = await listFolders(ctx);
    expect(folders.find((f) => f.folder === found.folder)?.path).toBe("DC2 / Linux / Web");
    expect(found.datacenter).not.toBe("datacenter-2");
    expect(found.datastore).toBe(
      (await direct("/api/vcenter/datastore?names=vsan-dc2"))[0].datastore,
    );
  });
});
