import type { APIRequestContext, Page } from "@playwright/test";

import { type RunningSimulator, startSimulator } from "../lib/simulator";

import {
  BATCH_SOURCE,
  batchSettled,
  expectOnlyCutOffClonesNotMade,
  loginPageOn,
  readBatch,
  simCloneCalls,
  simCloneTime,
  simNicMac,
  simVmsStartingWith,
} from "./batch-helpers";
import { type ConsoleRequest, loginToConsole } from "./console-api";
import {
  type ConsoleHome,
  type ConsoleProcess,
  consoleHome,
  startConsole,
} from "./console-process";
import { simClearFaults, simFault } from "./direct-simulator";
import { expect, test, USERS } from "./fixtures";
import { e2ePort } from "./ports";
import { chooseSource } from "./ui-helpers";

// Issue 12: batches through the API, on a console and simulator of their own (clone time and
// kills would disturb the shared ones). Every test compares what the console says with what
// the simulator then holds.
test.describe.configure({ mode: "serial", timeout: 180_000 });

const PORT = e2ePort(13125);
const ENV = "batches";
const E = `/api/environments/${ENV}`;
let sim: RunningSimulator;
let home: ConsoleHome;
let app: ConsoleProcess | undefined;
let run = 0;
const prefix = (what: string) => `b${Date.now().toString(36)}${run++}-${what}`;

test.beforeAll(async () => {
  sim = await startSimulator({ port: 0, quiet: true });
  home = consoleHome([
    { id: ENV, label: "Batches", url: sim.url, timeoutMs: 5_000, maxConcurrentClones: 8 },
  ]);
  app = await startConsole(home, PORT);
});
test.afterEach(async () => {
  await simClearFaults(sim.url);
  await simCloneTime(sim.url, 0);
});
test.afterAll(async () => {
  await app?.stop("SIGKILL");
  await sim.close();
});

const login = (playwright: { request: ConsoleRequest }, user: string = USERS.admin) =>
  loginToConsole(app!, playwright.request, ENV, user);

async function submit(api: APIRequestContext, data: unknown) {
  const res = await api.post(`${E}/batches`, { data });
  expect(res.status(), await res.text()).toBe(202);
  const body = (await res.json()) as { batch: string };
  expect(res.headers().location).toBe(`${E}/batches/${body.batch}`);
  return body.batch;
}

const patternBatch = (pattern: string, count: number, extra: Record<string, unknown> = {}) => ({
  spec: { source: BATCH_SOURCE },
  names: { pattern, count },
  ...extra,
});

test("a batch of 25 from a pattern makes 25 VMs, each once, in the history and the CSV", async ({
  playwright,
}) => {
  const api = await login(playwright);
  const p = prefix("ok");
  const id = await submit(api, patternBatch(`${p}-{n:fixed=3}`, 25));
  const batch = await batchSettled(api, ENV, id);
  expect(batch).toMatchObject({ state: "done", total: 25, counts: { succeeded: 25, failed: 0 } });
  const made = await simVmsStartingWith(sim.url, p);
  expect(made.map((vm) => vm.name).sort()).toEqual(batch.items.map((i) => i.name));
  expect(batch.items[0].name).toBe(`${p}-001`);
  expect(new Set(made.map((vm) => vm.vm))).toEqual(new Set(batch.items.map((i) => i.vm)));
  const op = await api.get(`${E}/operations/${batch.items[24].operation}`);
  expect(await op.json()).toMatchObject({ state: "succeeded", vm: batch.items[24].vm });
  const list = (await (await api.get(`${E}/batches`)).json()) as { items: { id: string }[] };
  expect(list.items[0].id).toBe(id);
  const csv = await api.get(`${E}/batches/${id}?format=csv`);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect((await csv.text()).trim().split("\r\n")).toHaveLength(26);
  await api.dispose();
});

for (const { name, data, field } of [
  { name: "a pattern without {n}", data: patternBatch("no-number", 3), field: "names.pattern" },
  { name: "more than 1,000 clones", data: patternBatch("x-{n}", 1001), field: "names.count" },
  {
    name: "a manual MAC range past the manual range's end",
    data: {
      spec: {
        source: BATCH_SOURCE,
        nics_to_update: { "4000": { mac_type: "MANUAL", mac_address: "00:50:56:3f:ff:f0" } },
      },
      names: { pattern: "mac-{n}", count: 25 },
    },
    field: "spec.nics_to_update.4000.mac_address",
  },
  {
    name: "a concurrency of 0",
    data: patternBatch("c-{n}", 2, { concurrency: 0 }),
    field: "concurrency",
  },
]) {
  test(`refuses ${name} with 400 naming ${field}, sending nothing`, async ({ playwright }) => {
    const api = await login(playwright);
    const before = await simCloneCalls(sim.url);
    const res = await api.post(`${E}/batches`, { data });
    expect(res.status()).toBe(400);
    const { error } = (await res.json()) as { error: { field_errors: Record<string, string> } };
    expect(Object.keys(error.field_errors)).toContain(field);
    expect(await simCloneCalls(sim.url)).toBe(before);
    await api.dispose();
  });
}

test("refuses names already taken with 409 before anything is sent", async ({ playwright }) => {
  const api = await login(playwright);
  const before = await simCloneCalls(sim.url);
  const res = await api.post(`${E}/batches`, {
    data: { spec: { source: BATCH_SOURCE }, names: ["new-one", "prod-web-01"] },
  });
  expect(res.status()).toBe(409);
  expect(
    ((await res.json()) as { error: { field_errors: { names: string } } }).error.field_errors.names,
  ).toContain("prod-web-01");
  expect(await simCloneCalls(sim.url)).toBe(before);
  expect(await simVmsStartingWith(sim.url, "new-one")).toEqual([]);
  await api.dispose();
});

test("cancel half-way: queued clones are not sent, running ones finish and are recorded", async ({
  playwright,
}) => {
  const api = await login(playwright);
  await simCloneTime(sim.url, 300);
  const p = prefix("cx");
  const id = await submit(api, patternBatch(`${p}-{n}`, 20, { concurrency: 2 }));
  await expect
    .poll(async () => (await readBatch(api, ENV, id)).counts.succeeded, { timeout: 30_000 })
    .toBeGreaterThanOrEqual(4);
  const cancel = await api.post(`${E}/batches/${id}/cancel`);
  expect(cancel.status()).toBe(200);
  const batch = await batchSettled(api, ENV, id);
  expect(batch.state).toBe("cancelled");
  expect(batch.counts.cancelled).toBeGreaterThanOrEqual(8);
  expect(batch.counts.succeeded + batch.counts.cancelled).toBe(20);
  const made = await simVmsStartingWith(sim.url, p);
  expect(made.map((vm) => vm.name).sort()).toEqual(
    batch.items
      .filter((i) => i.state === "succeeded")
      .map((i) => i.name)
      .sort(),
  );
  await api.dispose();
});

test("retry after injected failures sends only the failed ones, making each VM once", async ({
  playwright,
}) => {
  const api = await login(playwright);
  await simFault(sim.url, {
    match: { method: "POST", path: "/api/vcenter/vm?action=instant-clone" },
    kind: "error",
    status: 403,
    times: 5,
  });
  const p = prefix("rt");
  const id = await submit(api, patternBatch(`${p}-{n}`, 25));
  let batch = await batchSettled(api, ENV, id);
  expect(batch.counts).toMatchObject({ succeeded: 20, failed: 5 });
  expect(batch.items.find((i) => i.state === "failed")!.error).toMatchObject({
    origin: "vcenter",
    status: 403,
  });
  const before = await simCloneCalls(sim.url);
  const retry = await api.post(`${E}/batches/${id}/retry`);
  expect(retry.status(), await retry.text()).toBe(202);
  batch = await batchSettled(api, ENV, id);
  expect(batch).toMatchObject({ state: "done", counts: { succeeded: 25, failed: 0 } });
  expect(await simCloneCalls(sim.url)).toBe(before + 5);
  const made = await simVmsStartingWith(sim.url, p);
  expect(made.map((vm) => vm.name).sort()).toEqual(batch.items.map((i) => i.name).sort());
  await api.dispose();
});

test("a manual-MAC batch gives 25 clones 25 distinct consecutive MACs", async ({ playwright }) => {
  const api = await login(playwright);
  const p = prefix("mac");
  const id = await submit(api, {
    spec: {
      source: BATCH_SOURCE,
      nics_to_update: { "4000": { mac_type: "MANUAL", mac_address: "00:50:56:01:20:00" } },
    },
    names: { pattern: `${p}-{n}`, count: 25 },
  });
  const batch = await batchSettled(api, ENV, id);
  expect(batch.counts.succeeded).toBe(25);
  const macs = await Promise.all(batch.items.map((i) => simNicMac(sim.url, i.vm!)));
  expect(new Set(macs).size).toBe(25);
  expect(macs[0]).toBe("00:50:56:01:20:00");
  expect(macs[24]).toBe("00:50:56:01:20:18");
  await api.dispose();
});

test("a readonly user's batch fails cleanly: every clone refused by vCenter, none made", async ({
  playwright,
}) => {
  const api = await login(playwright, USERS.readonly);
  const p = prefix("ro");
  const id = await submit(api, patternBatch(`${p}-{n}`, 5));
  const batch = await batchSettled(api, ENV, id);
  expect(batch).toMatchObject({ state: "done", counts: { failed: 5, succeeded: 0, unknown: 0 } });
  for (const item of batch.items)
    expect(item.error).toMatchObject({ origin: "vcenter", status: 403 });
  expect(await simVmsStartingWith(sim.url, p)).toEqual([]);
  await api.dispose();
});

test("a console killed mid-batch resumes at its next start: nothing lost, nothing sent twice", async ({
  playwright,
}) => {
  let api = await login(playwright);
  await simCloneTime(sim.url, 400);
  const p = prefix("kill");
  const before = await simCloneCalls(sim.url);
  const id = await submit(api, patternBatch(`${p}-{n}`, 30, { concurrency: 4 }));
  await expect
    .poll(async () => (await readBatch(api, ENV, id)).counts.succeeded, { timeout: 30_000 })
    .toBeGreaterThanOrEqual(6);
  await app!.stop("SIGKILL");
  app = await startConsole(home, PORT);
  // SQLite: resumed at start-up. PostgreSQL: adopted at start-up or once the killed instance's
  // lease (3 s here) runs out.
  await expect
    .poll(() => app!.output(), { timeout: 30_000 })
    .toMatch(/1 unfinished batch\(es\) resumed|1 batch\(es\) adopted/);
  await api.dispose();
  api = await login(playwright);
  // In-flight clones may stay unknown until the settle window ends; wait for every one to be known.
  await expect
    .poll(
      async () => {
        const b = await readBatch(api, ENV, id);
        return b.counts.pending + b.counts.running + b.counts.unknown;
      },
      { timeout: 90_000, intervals: [500] },
    )
    .toBe(0);
  const batch = await readBatch(api, ENV, id);
  expect(batch.state).toBe("done");
  const made = await simVmsStartingWith(sim.url, p);
  // Each name at most once in vCenter, and exactly the clones the batch calls made.
  expect(new Set(made.map((vm) => vm.name)).size).toBe(made.length);
  expect(made.map((vm) => vm.name).sort()).toEqual(
    batch.items
      .filter((i) => i.state === "succeeded")
      .map((i) => i.name)
      .sort(),
  );
  // Every clone made but those whose call the kill may have cut off (4 at once at most).
  await expectOnlyCutOffClonesNotMade(sim.url, batch, 4);
  expect(await simCloneCalls(sim.url)).toBe(before + batch.counts.succeeded);
  await api.dispose();
});

// The operator's way: the form, then the batch page, in Chromium.
async function loginPage(page: Page) {
  await loginPageOn(page, app!.url, ENV);
  await expect(page.getByRole("combobox", { name: "Source VM" })).toBeVisible();
}

test("a batch of 25 from the form with a pattern, watched to the end on its page", async ({
  page,
}) => {
  await simCloneTime(sim.url, 100);
  await loginPage(page);
  await chooseSource(page, "golden-win2022");
  await page.getByRole("spinbutton", { name: "How many" }).fill("25");
  const p = prefix("ui");
  await page.getByLabel("Name pattern").fill(`${p}-{n:fixed=3}`);
  await expect(page.getByRole("status", { name: "Batch preview" })).toHaveText(
    `25 clones: ${p}-001 … ${p}-025`,
  );
  await page.getByRole("button", { name: "Instant clone" }).click();
  await page.waitForURL(new RegExp(`/e/${ENV}/batches/[0-9a-f-]{36}$`));
  const bar = page.getByRole("progressbar", { name: "Clones finished" });
  await expect(bar).toHaveAttribute("aria-valuenow", "25", { timeout: 60_000 });
  await expect(page.getByText("25 of 25 finished")).toBeVisible();
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(25);
  await expect(rows.filter({ hasText: "Succeeded" })).toHaveCount(25);
  const made = await simVmsStartingWith(sim.url, p);
  expect(made).toHaveLength(25);
  await expect(page.getByRole("row", { name: new RegExp(`${p}-025`) })).toContainText(
    made.find((vm) => vm.name === `${p}-025`)!.vm,
  );
});

test("the form refuses taken names before submit and warns about a source that is not frozen", async ({
  page,
}) => {
  await loginPage(page);
  await chooseSource(page, "dev-ubuntu-01");
  await page.getByRole("spinbutton", { name: "How many" }).fill("2");
  await expect(page.getByText("The source is not frozen")).toBeVisible();
  await page.getByLabel("Name pattern").fill("prod-web-0{n}");
  await expect(page.getByRole("alert").filter({ hasText: "Names already taken" })).toContainText(
    "prod-web-01, prod-web-02",
  );
  const before = await simCloneCalls(sim.url);
  await page.getByRole("button", { name: "Instant clone" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The batch was refused" })).toBeVisible();
  expect(await simCloneCalls(sim.url)).toBe(before);
  // Still on the form (whose address carries its values), not on a batch page.
  await expect(page).toHaveURL(new RegExp(`/e/${ENV}(\\?.*)?$`));
});

test("the batch page's Cancel and Retry failed buttons", async ({ page }) => {
  await loginPage(page);
  await simCloneTime(sim.url, 300);
  const p = prefix("uicx");
  const sent = await page.request.post(`${app!.url}${E}/batches`, {
    data: patternBatch(`${p}-{n}`, 20, { concurrency: 2 }),
  });
  expect(sent.status()).toBe(202);
  const { page: href } = (await sent.json()) as { page: string };
  await page.goto(`${app!.url}${href}`);
  await expect(page.locator("[data-count=succeeded]")).not.toHaveText("0");
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("heading", { name: /Cancelled/ })).toBeVisible();
  await expect(page.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "20");
  const made = await simVmsStartingWith(sim.url, p);
  await expect(page.locator("[data-count=succeeded]")).toHaveText(String(made.length));

  // Failures injected into a second batch, then retried from its page.
  await simCloneTime(sim.url, 0);
  await simFault(sim.url, {
    match: { method: "POST", path: "/api/vcenter/vm?action=instant-clone" },
    kind: "error",
    status: 403,
    times: 3,
  });
  const q = prefix("uirt");
  const second = await page.request.post(`${app!.url}${E}/batches`, {
    data: patternBatch(`${q}-{n}`, 6),
  });
  await page.goto(`${app!.url}${((await second.json()) as { page: string }).page}`);
  await expect(page.locator("[data-count=failed]")).toHaveText("3");
  await page.getByRole("button", { name: "Retry failed" }).click();
  await expect(page.locator("[data-count=succeeded]")).toHaveText("6");
  await expect(page.locator("[data-count=failed]")).toHaveText("0");
  expect((await simVmsStartingWith(sim.url, q)).map((vm) => vm.name).sort()).toEqual(
    [1, 2, 3, 4, 5, 6].map((n) => `${q}-${n}`),
  );
});
