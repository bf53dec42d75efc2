import { type APIRequestContext, expect, type Page } from "@playwright/test";

import type { BatchView } from "../lib/schemas/batch-status";

import { simLogin } from "./direct-simulator";
import { PASSWORD, USERS } from "./users";

// Shared by the batch specs: logging in to their own console, reading a batch through it, and
// the simulator's own view.

export const BATCH_SOURCE = "vm-1008"; // golden-win2022: frozen, one NIC (4000) on a standard port group

/** Logs the admin in through the login page of `env` on the console at `consoleUrl`. */
export async function loginPageOn(page: Page, consoleUrl: string, env: string) {
  await page.goto(`${consoleUrl}/e/${env}/login?next=${encodeURIComponent(`/e/${env}`)}`);
  await page.getByLabel("Username").fill(USERS.admin);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForURL((url) => url.pathname === `/e/${env}`);
}

export async function readBatch(api: APIRequestContext, env: string, id: string) {
  const res = await api.get(`/api/environments/${env}/batches/${id}`);
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as BatchView;
}

/** Polls until no clone of the batch is pending or running. */
export async function batchSettled(api: APIRequestContext, env: string, id: string) {
  let batch = await readBatch(api, env, id);
  await expect
    .poll(
      async () => {
        batch = await readBatch(api, env, id);
        // The batch ends (done) a moment after its last item: wait for both.
        return batch.counts.pending + batch.counts.running === 0 && batch.state !== "running";
      },
      { timeout: 90_000, intervals: [250] },
    )
    .toBe(true);
  return batch;
}

/** Every VM of the simulator whose name starts with `prefix`, as vCenter lists them. */
export async function simVmsStartingWith(simUrl: string, prefix: string) {
  const token = await simLogin(simUrl);
  const res = await fetch(`${simUrl}/api/vcenter/vm`, {
    headers: { "vmware-api-session-id": token },
  });
  const all = (await res.json()) as { vm: string; name: string }[];
  return all.filter((vm) => vm.name.startsWith(prefix));
}

/** How often vCenter was asked for the VMs named exactly `name` (before a clone, and to settle it). */
export async function simNameLookups(simUrl: string, name: string): Promise<number> {
  const res = await fetch(
    `${simUrl}/__sim/calls?method=GET&path=${encodeURIComponent("/api/vcenter/vm?")}`,
  );
  const { calls } = (await res.json()) as { calls: { query: string }[] };
  return calls.filter((call) => new URLSearchParams(call.query).get("names") === name).length;
}

/**
 * A console killed mid-batch may cut off a clone's call after it recorded the names before it:
 * the call may have reached vCenter or not. Such a clone is looked up until its settle window
 * ends, then, with no VM of its name, it is "not made" (failed) and never resent automatically
 * (DESIGN.md). So: at most `inFlight` clones not made, each of them failed as interrupted in
 * its first attempt and looked up again after the kill (two lookups of its name at least). A
 * clone killed before its names were recorded was never sent: it goes again and is not here.
 */
export async function expectOnlyCutOffClonesNotMade(
  simUrl: string,
  batch: BatchView,
  inFlight: number,
) {
  const notMade = batch.items.filter((i) => i.state !== "succeeded");
  expect(notMade.length, JSON.stringify(notMade)).toBeLessThanOrEqual(inFlight);
  for (const item of notMade) {
    expect(item, JSON.stringify(item)).toMatchObject({
      state: "failed",
      attempt: 1,
      error: { cause: "EINTERRUPTED" },
    });
    expect(await simNameLookups(simUrl, item.name), item.name).toBeGreaterThanOrEqual(2);
  }
}

export async function simCloneTime(simUrl: string, ms: number) {
  const res = await fetch(`${simUrl}/__sim/clone-queue`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ clone_ms: ms }),
  });
  expect(res.status).toBe(200);
}

export async function simCloneCalls(simUrl: string): Promise<number> {
  const res = await fetch(`${simUrl}/__sim/calls?operation=vcenter.vm.instant_clone`);
  return ((await res.json()) as { count: number }).count;
}

export async function simNicMac(simUrl: string, vm: string, nic = "4000"): Promise<string> {
  const token = await simLogin(simUrl);
  const res = await fetch(`${simUrl}/api/vcenter/vm/${vm}/hardware/ethernet/${nic}`, {
    headers: { "vmware-api-session-id": token },
  });
  return ((await res.json()) as { mac_address: string }).mac_address;
}
