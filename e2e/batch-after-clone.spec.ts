import type { APIRequestContext } from "@playwright/test";

import { type RunningSimulator, startSimulator } from "../lib/simulator";
import type { BatchView } from "../lib/schemas/batch-status";

import { batchSettled, loginPageOn, readBatch, simVmsStartingWith } from "./batch-helpers";
import { type ConsoleRequest, loginToConsole } from "./console-api";
import {
  type ConsoleHome,
  type ConsoleProcess,
  consoleHome,
  startConsole,
} from "./console-process";
import { expect, test, USERS } from "./fixtures";
import { e2ePort } from "./ports";
import { simCallsTo, simGuestIdentity } from "./sim-guest";

// Issue 13 for batches: every clone of a batch followed to Ready on the batch page, with the
// identity clash named against the source and the other clones; a whole batch deleted, once,
// each deletion in the history. On a console and simulator of their own (a batch of ten would
// crowd the shared simulator's inventory).
test.describe.configure({ mode: "serial", timeout: 180_000 });

const PORT = e2ePort(13190);
const ENV = "afterbatch";
const E = `/api/environments/${ENV}`;
const ORDINARY = "vm-1007"; // golden-ubuntu-22: its clones wake up as it, 10.0.3.17
const REIDENTIFYING = "vm-1008"; // golden-win2022: its clones take a hostname and IP of their own
let sim: RunningSimulator;
let home: ConsoleHome;
let app: ConsoleProcess | undefined;
let run = 0;
const prefix = (what: string) => `ab${Date.now().toString(36)}${run++}-${what}`;

test.beforeAll(async () => {
  sim = await startSimulator({ port: 0, quiet: true, guestReadyMs: 500 });
  home = consoleHome([
    { id: ENV, label: "After batch", url: sim.url, timeoutMs: 5_000, maxConcurrentClones: 8 },
  ]);
  app = await startConsole(home, PORT);
});
test.afterAll(async () => {
  await app?.stop("SIGKILL");
  await sim.close();
});

const login = (playwright: { request: ConsoleRequest }, user: string) =>
  loginToConsole(app!, playwright.request, ENV, user);

async function batchOf(api: APIRequestContext, source: string, pattern: string, count: number) {
  const res = await api.post(`${E}/batches`, {
    data: { spec: { source }, names: { pattern, count } },
  });
  expect(res.status(), await res.text()).toBe(202);
  const id = ((await res.json()) as { batch: string }).batch;
  const batch = await batchSettled(api, ENV, id);
  expect(batch.counts.succeeded).toBe(count);
  return batch;
}

/** Polls the batch until no deletion of it is under way. */
async function deletionsEnded(api: APIRequestContext, id: string): Promise<BatchView> {
  let batch = await readBatch(api, ENV, id);
  await expect
    .poll(
      async () => {
        batch = await readBatch(api, ENV, id);
        return batch.deletion?.running;
      },
      { timeout: 60_000, intervals: [250] },
    )
    .toBe(false);
  return batch;
}

test("a batch of 10 is followed to Ready on its page, warned of shared identity, then deleted after typing its pattern", async ({
  page,
  playwright,
}) => {
  const api = await login(playwright, USERS.admin);
  const p = prefix("ui");
  const pattern = `${p}-{n:fixed=2}`;
  const batch = await batchOf(api, ORDINARY, pattern, 10);
  await loginPageOn(page, app!.url, ENV);
  await page.goto(`${app!.url}/e/${ENV}/batches/${batch.id}`);

  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(10);
  for (const item of batch.items) {
    const row = page.locator(`tr[data-clone="${item.name}"]`);
    await expect(
      row.getByText(/^Ready · 10\.0\.3\.17 · golden-ubuntu-22\.lab\.example$/),
    ).toBeVisible();
    await expect(row).toContainText("Same IP as its source golden-ubuntu-22: 10.0.3.17");
    await expect(row).toContainText("Same IP as 9 other clones of this batch");
    await expect(row).toContainText("Same hostname as 9 other clones of this batch (");
  }
  const warning = page
    .getByRole("alert")
    .filter({ hasText: "10 clones have the identity of their source or of another clone" });
  await expect(warning).toContainText("instantclone.freeze");
  // What the guests really report to vCenter: all ten the source's identity.
  for (const item of batch.items)
    expect((await simGuestIdentity(sim.url, item.vm!)).body).toMatchObject({
      ip_address: "10.0.3.17",
      host_name: "golden-ubuntu-22.lab.example",
    });

  await page.getByRole("button", { name: "Delete all 10 clones" }).click();
  const confirm = page.getByRole("button", { name: "Delete 10" });
  await expect(confirm).toBeDisabled();
  await page.getByLabel(`Type ${pattern} to confirm`).fill("10");
  await expect(confirm).toBeDisabled();
  await page.getByLabel(`Type ${pattern} to confirm`).fill(pattern);
  await confirm.click();
  await expect(page.getByText("Deletion of the batch's clones: 10 of 10 deleted")).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.locator('[data-deletion="succeeded"]')).toHaveCount(10);
  await expect(page.getByText("Waiting for VMware Tools…")).toHaveCount(0);
  expect(await simVmsStartingWith(sim.url, p)).toEqual([]);
  // The history says who deleted each.
  for (const item of batch.items) {
    const op = await (await api.get(`${E}/operations/${item.operation}`)).json();
    expect(op.deletion).toMatchObject({ state: "succeeded", vm: item.vm });
  }
  await api.dispose();
});

test("a batch of a re-identifying source is Ready with identities of its own and no warning", async ({
  page,
  playwright,
}) => {
  const api = await login(playwright, USERS.admin);
  const p = prefix("fresh");
  const batch = await batchOf(api, REIDENTIFYING, `${p}-{n}`, 3);
  await api.dispose();
  await loginPageOn(page, app!.url, ENV);
  await page.goto(`${app!.url}/e/${ENV}/batches/${batch.id}`);
  for (const item of batch.items)
    await expect(
      page
        .locator(`tr[data-clone="${item.name}"]`)
        .getByText(new RegExp(`^Ready · 10\\.\\d+\\.\\d+\\.\\d+ · ${item.name}\\.lab\\.example$`)),
    ).toBeVisible();
  await expect(page.locator("[data-clash]")).toHaveCount(0);
  await expect(page.getByText("have the identity of their source")).toHaveCount(0);
});

test("deleting a whole batch: a readonly user's deletions fail with vCenter's error, the owner's delete each clone once", async ({
  playwright,
}) => {
  const admin = await login(playwright, USERS.admin);
  const p = prefix("api");
  const batch = await batchOf(admin, REIDENTIFYING, `${p}-{n}`, 4);

  const readonly = await login(playwright, USERS.readonly);
  const refused = await readonly.post(`${E}/batches/${batch.id}/delete`);
  expect(refused.status(), await refused.text()).toBe(202);
  expect(((await refused.json()) as BatchView).id).toBe(batch.id);
  const afterReadonly = await deletionsEnded(readonly, batch.id);
  for (const item of afterReadonly.items) {
    expect(item.deletion).toMatchObject({
      state: "failed",
      error: { origin: "vcenter", status: 403 },
    });
    expect(JSON.stringify(item.deletion?.error)).toContain("VirtualMachine.Interact.PowerOff");
  }
  expect(await simVmsStartingWith(sim.url, p)).toHaveLength(4);
  await readonly.dispose();

  const res = await admin.post(`${E}/batches/${batch.id}/delete`);
  expect(res.status(), await res.text()).toBe(202);
  const done = await deletionsEnded(admin, batch.id);
  expect(done.items.map((item) => item.deletion?.state)).toEqual(Array(4).fill("succeeded"));
  expect(await simVmsStartingWith(sim.url, p)).toEqual([]);

  // Asked again: the recorded deletions answer, nothing more reaches vCenter.
  const calls = await Promise.all(batch.items.map((item) => simCallsTo(sim.url, item.vm!)));
  for (const list of calls) expect(list.filter((op) => op === "vcenter.vm.delete")).toHaveLength(1);
  expect((await admin.post(`${E}/batches/${batch.id}/delete`)).status()).toBe(202);
  await deletionsEnded(admin, batch.id);
  const again = await Promise.all(batch.items.map((item) => simCallsTo(sim.url, item.vm!)));
  expect(again).toEqual(calls);

  // The history: each clone's operation carries its deletion, by whom.
  for (const item of batch.items) {
    const op = await (await admin.get(`${E}/operations/${item.operation}`)).json();
    expect(op.deletion).toMatchObject({
      state: "succeeded",
      vm: item.vm,
      user: expect.stringMatching(/Administrator/i),
    });
  }
  const gone = await admin.post(`${E}/batches/00000000-0000-4000-8000-000000000000/delete`);
  expect(gone.status()).toBe(404);
  await admin.dispose();
});
