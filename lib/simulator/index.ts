import { writeFile } from "node:fs/promises";
import { createServer as createHttpServer, type Server } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";

import { addSiteExtras } from "./extra-site";
import { requestHandler } from "./http-server";
import { type SimulatorMode, SimulatorState } from "./state";
import { tlsMaterial } from "./tls";

export { PASSWORD as SIMULATOR_PASSWORD } from "./users";
export type { SimulatorMode } from "./state";

export interface SimulatorOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  tls?: boolean;
  /** With tls: where to write the generated CA certificate (PEM). */
  caFile?: string;
  /** Default 40. */
  vms?: number;
  /** Default 1. */
  seed?: number;
  /** Idle time after which a session expires; default 30 minutes. */
  sessionIdleMs?: number;
  /** "api" (7.0 U2+, /api and /rest), "rest" (7.0 before U2, /rest only), "legacy67" (6.7). */
  mode?: SimulatorMode;
  /** How long each instant clone takes (at most 4 at once per host); default 0. */
  cloneMs?: number;
  /** How long after power-on a clone's VMware Tools start answering; default 400 ms. */
  guestReadyMs?: number;
  /** No request log on stdout. */
  quiet?: boolean;
  /**
   * Serve the test control path /__sim/ (live session tokens, faults, the call log); default
   * true. The console turns it off for the simulators it starts itself: anyone on the machine
   * could otherwise read operators' session tokens there.
   */
  control?: boolean;
  /**
   * What each item of a list answer costs, in ms, on top of the simulator's own work (default
   * 0.1, see README "What a list costs"); 0 for none.
   */
  listCostMsPerItem?: number;
  /** VM folders beyond the layout's ("Team-0001"…), for a site with long placement lists; default 0. */
  extraVmFolders?: number;
  /** Port groups beyond the layout's ("pg-vlan-0001"…, half distributed); default 0. */
  extraNetworks?: number;
  /** A second datacenter "DC2" with a VM "dc2-web-01" (extra-site.ts); default none. */
  secondDatacenter?: boolean;
}

export interface RunningSimulator {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  caPem?: string;
  close(): Promise<void>;
}

/** A real vCenter's cost of one item of a list answer, assumed (README "What a list costs"). */
export const DEFAULT_LIST_COST_MS_PER_ITEM = 0.1;

export const SIMULATOR_USERS = [
  "administrator@vsphere.local",
  "operator@vsphere.local",
  "readonly@vsphere.local",
] as const;

/** Starts a simulated vCenter on loopback (real HTTP or HTTPS) and resolves once it listens. */
export async function startSimulator(opts: SimulatorOptions = {}): Promise<RunningSimulator> {
  const host = opts.host ?? "127.0.0.1";
  const vms = opts.vms ?? 40;
  if (!Number.isInteger(vms) || vms < 0) throw new Error(`vms must be a whole number, got ${vms}`);
  const sim = new SimulatorState(
    opts.seed ?? 1,
    vms,
    opts.mode ?? "api",
    opts.sessionIdleMs ?? 30 * 60_000,
    opts.cloneMs ?? 0,
    opts.guestReadyMs,
  );
  const handler = requestHandler(
    sim,
    opts.quiet ? undefined : (line) => console.log(line),
    opts.control ?? true,
  );
  sim.listCostMsPerItem = opts.listCostMsPerItem ?? DEFAULT_LIST_COST_MS_PER_ITEM;
  sim.extras = {
    vmFolders: opts.extraVmFolders,
    networks: opts.extraNetworks,
    secondDatacenter: opts.secondDatacenter,
  };
  addSiteExtras(sim.inventory, sim.extras);
  let server: Server;
  let caPem: string | undefined;
  if (opts.tls) {
    const tls = await tlsMaterial(host);
    caPem = tls.caPem;
    if (opts.caFile) await writeFile(opts.caFile, caPem);
    server = createHttpsServer({ key: tls.keyPem, cert: tls.certPem }, handler);
  } else {
    server = createHttpServer(handler);
  }
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `${opts.tls ? "https" : "http"}://${shownHost}:${port}`,
    ...(caPem ? { caPem } : {}),
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Hung requests and idle keep-alive sockets would otherwise hold the server open.
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
