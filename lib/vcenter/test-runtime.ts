import { Agent } from "undici";

import type { EnvironmentRuntime } from "@/lib/config/runtime";
import { type RunningSimulator, type SimulatorOptions, startSimulator } from "@/lib/simulator";

import type { VcenterContext } from "./context";
import { login } from "./session";

/** Starts a simulator and logs into it as a user: the client's tests talk real HTTP to it. */
export async function simulatorContext(
  options: SimulatorOptions = {},
  user = "administrator@vsphere.local",
  timeouts = { read: 5_000, clone: 5_000 },
): Promise<{ sim: RunningSimulator; ctx: VcenterContext; runtime: EnvironmentRuntime }> {
  const sim = await startSimulator({ quiet: true, ...options });
  const runtime: EnvironmentRuntime = {
    config: { id: "test", label: "Test", url: sim.url },
    baseUrl: sim.url,
    dispatcher: new Agent(sim.caPem ? { connect: { ca: sim.caPem } } : {}),
    timeouts,
  };
  const session = await login(runtime, user, "VMware1!");
  return { sim, runtime, ctx: { runtime, session } };
}
