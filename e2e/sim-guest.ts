import { simLogin } from "./direct-simulator";

// Reads the e2e simulator straight from its own API: what vCenter holds after the console acted.

async function simGet(simUrl: string, path: string): Promise<{ status: number; body: unknown }> {
  const token = await simLogin(simUrl);
  const res = await fetch(`${simUrl}${path}`, { headers: { "vmware-api-session-id": token } });
  await fetch(`${simUrl}/api/session`, {
    method: "DELETE",
    headers: { "vmware-api-session-id": token },
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/** A VM as vCenter holds it: its power state, or 404 when it is gone. */
export const simVm = (simUrl: string, vm: string) => simGet(simUrl, `/api/vcenter/vm/${vm}/power`);

/** What the guest reports to vCenter (503 while Tools have not run). */
export const simGuestIdentity = (simUrl: string, vm: string) =>
  simGet(simUrl, `/api/vcenter/vm/${vm}/guest/identity`);

/** Calls of the simulator that touched this VM, as operation names. */
export async function simCallsTo(simUrl: string, vm: string): Promise<string[]> {
  const res = await fetch(`${simUrl}/__sim/calls`);
  const { calls } = (await res.json()) as { calls: { path: string; operation: string | null }[] };
  return calls
    .filter((c) => c.path.endsWith(`/${vm}`) || c.path.includes(`/${vm}/`))
    .map((c) => c.operation ?? "");
}

/** Puts a VM in the state a test needs through the simulator's control path. */
export async function simPatchVm(
  simUrl: string,
  vm: string,
  change: Record<string, unknown>,
): Promise<void> {
  const res = await fetch(`${simUrl}/__sim/vms/${vm}`, {
    method: "PATCH",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(change),
  });
  if (res.status !== 200) throw new Error(`simulator PATCH ${vm}: ${res.status}`);
}
