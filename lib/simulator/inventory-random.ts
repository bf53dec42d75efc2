import type { Inventory } from "./inventory";
import type { PowerState } from "./model";
import type { Prng } from "./prng";
import type { GuestProfile, NicSpec, VmSpec } from "./vm-factory";

const ROLES = [
  "web",
  "app",
  "api",
  "db",
  "cache",
  "worker",
  "k8s-node",
  "build",
  "mon",
  "lb",
  "vdi",
  "test",
];
const GUESTS: GuestProfile[] = [
  "ubuntu",
  "ubuntu",
  "rhel",
  "rhel",
  "debian",
  "photon",
  "win2022",
  "win11",
];
const SIZES = [
  { cpu: 1, memoryMiB: 1024 },
  { cpu: 2, memoryMiB: 2048 },
  { cpu: 2, memoryMiB: 4096 },
  { cpu: 4, memoryMiB: 8192 },
  { cpu: 8, memoryMiB: 16384 },
];

interface Placement {
  host: string;
  pools: string[];
  datastores: string[];
  networks: string[];
}

// Precomputed per host so that generating 50,000 VMs stays linear.
function placements(inv: Inventory): Placement[] {
  const hosts = [...inv.hosts.values()].filter((host) => host.connectionState === "CONNECTED");
  return hosts.map((host) => ({
    host: host.id,
    pools: [...inv.pools.values()]
      .filter((pool) => pool.cluster === host.cluster)
      .map((pool) => pool.id),
    datastores: [...inv.datastores.values()]
      .filter((ds) => ds.name !== "nfs-iso" && inv.reachable(ds, host.id))
      .map((ds) => ds.id),
    // A static portgroup has few ports: generated VMs leave them to the fixtures and to clones.
    networks: [...inv.networks.values()]
      .filter((net) => !net.dvs?.staticBinding && inv.reachable(net, host.id))
      .map((net) => net.id),
  }));
}

function powerState(rng: Prng): PowerState {
  const roll = rng.next();
  return roll < 0.6 ? "POWERED_ON" : roll < 0.9 ? "POWERED_OFF" : "SUSPENDED";
}

/** `count` VMs placed at random (by the seed) across hosts, folders, pools and networks. */
export function* randomVmSpecs(inv: Inventory, count: number): Generator<VmSpec> {
  const rng = inv.rng;
  const spots = placements(inv);
  const folders = [...inv.folders.values()]
    .filter((f) => f.type === "VIRTUAL_MACHINE" && f.parent !== null && f.name !== "Templates")
    .map((f) => f.id);
  const width = count > 900 ? 5 : 2;
  const serial = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const role = rng.pick(ROLES);
    const n = (serial.get(role) ?? 0) + 1;
    serial.set(role, n);
    const name = `${role}-${String(n).padStart(width, "0")}`;
    const spot = rng.pick(spots);
    const datastore = rng.pick(spot.datastores);
    const nics: NicSpec[] = Array.from({ length: rng.pick([1, 1, 1, 2, 2, 3]) }, () => ({
      network: rng.pick(spot.networks),
      startConnected: rng.chance(0.9),
    }));
    const power = powerState(rng);
    const dsName = inv.datastores.get(datastore)?.name ?? "";
    yield {
      name,
      folder: rng.pick(folders),
      pool: rng.pick(spot.pools),
      host: spot.host,
      datastore,
      power,
      frozen: power === "POWERED_ON" && rng.chance(0.04),
      guest: rng.pick(GUESTS),
      ...rng.pick(SIZES),
      diskGiB: rng.pick([16, 20, 40, 60, 100]),
      nics,
      serial: rng.chance(0.1)
        ? [{ backing: { type: "FILE", file: `[${dsName}] ${name}/serial0.log` } }]
        : [],
      parallel: rng.chance(0.05)
        ? [{ backing: { type: "HOST_DEVICE", host_device: "", auto_detect: true } }]
        : [],
    };
  }
}
