// Reads a simulator the spec started itself, straight from its own API and control path, so
// assertions about vCenter's inventory do not depend on the console under test.

import { PASSWORD, USERS } from "./users";

export async function simLogin(simUrl: string): Promise<string> {
  const res = await fetch(`${simUrl}/api/session`, {
    method: "POST",
    headers: {
      authorization: `Basic ${Buffer.from(`${USERS.admin}:${PASSWORD}`).toString("base64")}`,
    },
  });
  if (res.status !== 201) throw new Error(`simulator login: ${res.status}`);
  return (await res.json()) as string;
}

/** The VMs with exactly this name, as vCenter lists them. */
export async function simVmsNamed(
  simUrl: string,
  name: string,
): Promise<{ vm: string; name: string; power_state: string }[]> {
  const token = await simLogin(simUrl);
  const res = await fetch(`${simUrl}/api/vcenter/vm?names=${encodeURIComponent(name)}`, {
    headers: { "vmware-api-session-id": token },
  });
  await fetch(`${simUrl}/api/session`, {
    method: "DELETE",
    headers: { "vmware-api-session-id": token },
  });
  if (res.status !== 200) throw new Error(`simulator VM list: ${res.status}`);
  return (await res.json()) as { vm: string; name: string; power_state: string }[];
}

export async function simFault(simUrl: string, fault: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${simUrl}/__sim/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(fault),
  });
  if (res.status !== 201) throw new Error(`simulator fault: ${res.status} ${await res.text()}`);
}

export async function simClearFaults(simUrl: string): Promise<void> {
  await fetch(`${simUrl}/__sim/faults`, { method: "DELETE" });
}

export interface SimCall {
  method: string;
  path: string;
  operation: string | null;
  status: number | null;
  fault?: string;
}

/** The calls of one operation the simulator received, e.g. "vcenter.vm.instant_clone". */
export async function simCalls(simUrl: string, operation: string): Promise<SimCall[]> {
  const res = await fetch(`${simUrl}/__sim/calls?operation=${encodeURIComponent(operation)}`);
  return ((await res.json()) as { calls: SimCall[] }).calls;
}

/** The live vCenter sessions and their tokens (test-only control endpoint). */
export async function simSessions(simUrl: string): Promise<{ token: string; user: string }[]> {
  const res = await fetch(`${simUrl}/__sim/sessions`);
  if (res.status !== 200) throw new Error(`GET /__sim/sessions: ${res.status}`);
  return ((await res.json()) as { sessions: { token: string; user: string }[] }).sessions;
}
