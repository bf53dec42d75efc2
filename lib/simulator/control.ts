import { ControlRequestError } from "./faults";
import { isPowerState, POWER_STATES } from "./model";
import type { SimulatorState } from "./state";
import { vmSummary } from "./vm-views";

// The simulator's own endpoints under /__sim/, for tests: no session, plain JSON.

export interface ControlAnswer {
  status: number;
  body?: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function parse(raw: string): unknown {
  try {
    return raw.trim() ? JSON.parse(raw) : {};
  } catch {
    throw new ControlRequestError("the body is not valid JSON");
  }
}

// PATCH /__sim/vms/{vm}: lets a test put a VM in the state it needs (off, suspended, frozen,
// Tools silent or answering, a delta-disk chain as deep as after that many clones).
function patchVm(sim: SimulatorState, id: string, raw: string): ControlAnswer {
  const vm = sim.inventory.vms.get(id);
  if (!vm) return { status: 404, body: { error: `no VM ${id}` } };
  const change = parse(raw);
  if (!isRecord(change)) throw new ControlRequestError("the body must be a JSON object");
  const {
    power_state: power,
    instant_clone_frozen: frozen,
    tools_running: tools,
    delta_disks: deltaDisks,
  } = change;
  if (power !== undefined && !isPowerState(power))
    throw new ControlRequestError(`power_state must be one of ${POWER_STATES.join(", ")}`);
  if (frozen !== undefined && typeof frozen !== "boolean")
    throw new ControlRequestError("instant_clone_frozen must be a boolean");
  if (tools !== undefined && typeof tools !== "boolean")
    throw new ControlRequestError("tools_running must be a boolean");
  if (deltaDisks !== undefined && (!Number.isInteger(deltaDisks) || (deltaDisks as number) < 0))
    throw new ControlRequestError("delta_disks must be a whole number, 0 or more");
  // A guest that powers on starts its Tools after the simulator's delay, as a clone's does.
  if (power === "POWERED_ON" && vm.powerState !== "POWERED_ON")
    vm.toolsFrom = Date.now() + sim.guestReadyMs;
  if (tools !== undefined) vm.toolsFrom = tools ? 0 : Number.POSITIVE_INFINITY;
  if (power !== undefined) vm.powerState = power;
  if (typeof deltaDisks === "number") vm.deltaDisks = deltaDisks;
  vm.frozen = vm.powerState === "POWERED_ON" && (frozen ?? vm.frozen);
  for (const device of [...vm.nics, ...vm.serialPorts, ...vm.parallelPorts])
    device.state =
      vm.powerState === "POWERED_ON" && device.start_connected ? "CONNECTED" : "NOT_CONNECTED";
  return {
    status: 200,
    body: { ...vmSummary(vm), instant_clone_frozen: vm.frozen, delta_disks: vm.deltaDisks ?? 0 },
  };
}

function route(
  sim: SimulatorState,
  method: string,
  path: string,
  query: URLSearchParams,
  raw: string,
): ControlAnswer {
  const vmPath = /^\/__sim\/vms\/([^/]+)$/.exec(path);
  if (vmPath && method === "PATCH") return patchVm(sim, decodeURIComponent(vmPath[1]), raw);
  switch (`${method} ${path}`) {
    case "GET /__sim/health":
      return {
        status: 200,
        body: { status: "ok", mode: sim.mode, seed: sim.seed, vms: sim.inventory.vms.size },
      };
    case "POST /__sim/faults":
      return { status: 201, body: sim.faults.add(parse(raw)) };
    case "GET /__sim/faults":
      return { status: 200, body: sim.faults.list() };
    case "DELETE /__sim/faults":
      sim.faults.clear();
      return { status: 204 };
    // Test-only: the tokens a test scans logs, answers and the history for.
    case "GET /__sim/sessions":
      return { status: 200, body: { sessions: sim.sessions.list() } };
    case "POST /__sim/sessions/expire":
      return { status: 200, body: { expired: sim.sessions.expireAll() } };
    case "GET /__sim/calls": {
      const filter = Object.fromEntries(
        ["method", "path", "operation"].flatMap((k) =>
          query.has(k) ? [[k, query.get(k) ?? ""]] : [],
        ),
      );
      const calls = sim.calls.list(filter);
      return { status: 200, body: { count: calls.length, calls } };
    }
    case "DELETE /__sim/calls":
      sim.calls.reset();
      return { status: 204 };
    // How long clones take, for tests that need a batch to be caught half-way.
    case "GET /__sim/clone-queue":
      return { status: 200, body: sim.clones.stats() };
    case "PUT /__sim/clone-queue": {
      const change = parse(raw);
      const ms = isRecord(change) ? change.clone_ms : undefined;
      if (typeof ms !== "number" || !Number.isInteger(ms) || ms < 0)
        throw new ControlRequestError("clone_ms must be a whole number of milliseconds, 0 or more");
      sim.clones.cloneMs = ms;
      return { status: 200, body: sim.clones.stats() };
    }
    case "POST /__sim/reset":
      sim.resetInventory();
      return { status: 200, body: { vms: sim.inventory.vms.size } };
    default:
      return { status: 404, body: { error: `no control endpoint ${method} ${path}` } };
  }
}

export function serveControl(
  sim: SimulatorState,
  method: string,
  path: string,
  query: URLSearchParams,
  raw: string,
): ControlAnswer {
  try {
    return route(sim, method, path, query, raw);
  } catch (err) {
    if (err instanceof ControlRequestError) return { status: 400, body: { error: err.message } };
    throw err;
  }
}
