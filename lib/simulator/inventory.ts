import type {
  Cluster,
  Datacenter,
  Datastore,
  Folder,
  Host,
  Network,
  ResourcePool,
  Scope,
  Vm,
} from "./model";
import { Prng } from "./prng";

/** Everything the simulated vCenter knows, indexed by id. Changed only by instant clone, delete and /__sim/. */
export class Inventory {
  readonly datacenters = new Map<string, Datacenter>();
  readonly folders = new Map<string, Folder>();
  readonly clusters = new Map<string, Cluster>();
  readonly hosts = new Map<string, Host>();
  readonly pools = new Map<string, ResourcePool>();
  readonly datastores = new Map<string, Datastore>();
  readonly networks = new Map<string, Network>();
  readonly vms = new Map<string, Vm>();
  readonly usedMacs = new Set<string>();
  /** vCenter appends its instance UUID to VM ids in some messages ("vm-42:0f3c…"). */
  readonly serverGuid: string;
  readonly rng: Prng;
  private readonly namesByFolder = new Map<string, Set<string>>();
  private readonly portsByNetwork = new Map<string, Set<string>>();
  private nextVmNumber = 1001;

  constructor(seed: number) {
    this.rng = new Prng(seed);
    this.serverGuid = [8, 4, 4, 4, 12].map((n) => this.rng.hex(n)).join("-");
  }

  /** Reserves the next VM id; ids of VMs and clones never repeat. */
  newVmId(): string {
    return `vm-${this.nextVmNumber++}`;
  }

  addVm(vm: Vm): void {
    this.vms.set(vm.id, vm);
    let names = this.namesByFolder.get(vm.folder);
    if (!names) this.namesByFolder.set(vm.folder, (names = new Set()));
    names.add(vm.name);
    for (const { backing } of vm.nics)
      if (backing.network && backing.distributed_port)
        this.portsInUse(backing.network).add(backing.distributed_port);
  }

  /** Deletes a VM: gone from every list, its name free in its folder, its ports and MACs released. */
  removeVm(id: string): void {
    const vm = this.vms.get(id);
    if (!vm) return;
    this.vms.delete(id);
    this.namesByFolder.get(vm.folder)?.delete(vm.name);
    for (const { backing, mac_address } of vm.nics) {
      this.usedMacs.delete(mac_address);
      if (backing.network && backing.distributed_port)
        this.portsByNetwork.get(backing.network)?.delete(backing.distributed_port);
    }
  }

  /** Distributed ports taken on a portgroup (the Set is live: callers may add to it). */
  portsInUse(network: string): Set<string> {
    let ports = this.portsByNetwork.get(network);
    if (!ports) this.portsByNetwork.set(network, (ports = new Set()));
    return ports;
  }

  /** The lowest free port of a distributed portgroup; undefined when a static one is full. */
  freePort(network: string): string | undefined {
    const used = this.portsInUse(network);
    const dvs = this.networks.get(network)?.dvs;
    // Only static portgroups let a caller pick a port, so elsewhere ports are 0..n-1 without gaps.
    if (!dvs?.staticBinding) return String(used.size);
    for (let port = 0; port < dvs.ports; port++) if (!used.has(String(port))) return String(port);
    return undefined;
  }

  nameTaken(folder: string, name: string): boolean {
    return this.namesByFolder.get(folder)?.has(name) ?? false;
  }

  /** True when the host sees a datastore or network: one of its datacenter, in its scope. */
  reachable(object: { scope: Scope; datacenter: string }, hostId: string): boolean {
    const host = this.hosts.get(hostId);
    if (host && host.datacenter !== object.datacenter) return false;
    const { scope } = object;
    if (scope.kind === "all") return true;
    if (scope.kind === "host") return scope.host === hostId;
    return host?.cluster === scope.cluster;
  }

  /** The folder and every folder above it, nearest first. */
  folderChain(folderId: string): string[] {
    const chain: string[] = [];
    for (let id: string | null = folderId; id; id = this.folders.get(id)?.parent ?? null)
      chain.push(id);
    return chain;
  }

  /** "Folder 'Prod' (group-v30)": how messages name an object. */
  describe(id: string): string {
    const named = (kind: string, name: string | undefined) =>
      name === undefined ? `'${id}'` : `${kind} '${name}' (${id})`;
    if (id.startsWith("vm-")) return named("Virtual machine", this.vms.get(id)?.name);
    if (id.startsWith("group-")) return named("Folder", this.folders.get(id)?.name);
    if (id.startsWith("resgroup-")) return named("Resource pool", this.pools.get(id)?.name);
    if (id.startsWith("datastore-")) return named("Datastore", this.datastores.get(id)?.name);
    if (id.startsWith("host-")) return named("Host", this.hosts.get(id)?.name);
    return named("Network", this.networks.get(id)?.name);
  }
}
