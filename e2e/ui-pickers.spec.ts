import type { Locator, Page } from "@playwright/test";

import { expect, test, uniqueName, USERS } from "./fixtures";
import {
  choose,
  chooseSource,
  countCloneRequests,
  deviceRow,
  loginThroughPage,
  openForm,
  vmIdByName,
  vmsNamed,
} from "./ui-helpers";

// Enter in an open picker picks the highlighted option or does nothing: it never submits the
// form (which would clone the previously chosen values). One test per picker, keyboard only once
// the form is filled: a misfire would be a clone that vCenter then holds.

const preview = (page: Page) => page.getByRole("figure", { name: "JSON body" });

/** A form that would clone if submitted: a running source and a fresh name. */
async function readyForm(page: Page, prefix: string) {
  await loginThroughPage(page, USERS.admin);
  await openForm(page);
  const name = uniqueName(prefix);
  await chooseSource(page, "dev-ubuntu-01");
  await page.getByLabel("Name", { exact: true }).fill(name);
  return { name, clones: countCloneRequests(page) };
}

/** Focuses the picker from the keyboard (Tab from the field before it would do the same). */
async function typeIntoPicker(box: Locator, text: string) {
  await box.page().mouse.move(0, 0); // keyboard only: no pointer resting over the list
  await box.focus();
  await box.press("ArrowDown"); // opens the list
  await box.press("ControlOrMeta+a");
  await box.page().keyboard.type(text);
}

async function expectNothingSent(page: Page, name: string, clones: () => number) {
  await expect(page.getByRole("button", { name: "Instant clone" })).toBeEnabled();
  expect(clones()).toBe(0);
  expect(await vmsNamed(page, name)).toEqual([]);
}

for (const picker of [
  { label: "Folder", chosen: "Lab", chosenId: "group-v33", key: '"folder"' },
  { label: "Resource pool", chosen: "Dev", chosenId: "resgroup-28", key: '"resource_pool"' },
  { label: "Datastore", chosen: "nfs-shared-01", chosenId: "datastore-11", key: '"datastore"' },
])
  test(`Enter in the open ${picker.label} picker picks the highlighted option or does nothing`, async ({
    page,
  }) => {
    const { name, clones } = await readyForm(page, "ui-enter");
    const box = page.getByRole("combobox", { name: picker.label });

    // Nothing matches: Enter does nothing, the list stays open and says so.
    await typeIntoPicker(box, "Labs-that-do-not-exist");
    await expect(page.getByRole("status").filter({ hasText: "Nothing matches" })).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(box).toHaveAttribute("aria-expanded", "true");
    await expectNothingSent(page, name, clones);
    await page.keyboard.press("Escape");
    await expect(box).toHaveValue(/^Same as source/);
    await expect(preview(page)).not.toContainText(picker.key);

    // A match is highlighted as one types: Enter picks it, and still sends nothing.
    await typeIntoPicker(box, picker.chosen);
    await page.keyboard.press("Enter");
    await expect(box).toHaveValue(picker.chosen);
    await expect(box).toHaveAttribute("aria-expanded", "false");
    await expect(preview(page)).toContainText(`${picker.key}: "${picker.chosenId}"`);
    // Enter on the closed picker does nothing either.
    await page.keyboard.press("Enter");
    await expectNothingSent(page, name, clones);
  });

test("Enter in the open Network picker of a NIC never submits", async ({ page }) => {
  const { name, clones } = await readyForm(page, "ui-enter-nic");
  const nic = deviceRow(page, /Network adapter 1/);
  const box = nic.getByRole("combobox", { name: "Network" });
  await typeIntoPicker(box, "ephem-nothing");
  await page.keyboard.press("Enter");
  await expectNothingSent(page, name, clones);
  await page.keyboard.press("Escape");
  await expect(box).toHaveValue(/^Keep current/);

  await typeIntoPicker(box, "pg-dev-ephemeral");
  await page.keyboard.press("Enter");
  await expect(box).toHaveValue("pg-dev-ephemeral");
  await expect(preview(page)).toContainText('"network": "dvportgroup-21"');
  await expectNothingSent(page, name, clones);
});

test("Enter in the open Source VM picker: nothing matching, or results not in yet, does nothing", async ({
  page,
}) => {
  const { name, clones } = await readyForm(page, "ui-enter-src");
  const box = page.getByRole("combobox", { name: "Source VM" });

  await typeIntoPicker(box, "no-such-vm-anywhere");
  await expect(page.getByRole("status").filter({ hasText: "Nothing matches" })).toBeVisible();
  await page.keyboard.press("Enter");
  await expectNothingSent(page, name, clones);
  await page.keyboard.press("Escape");
  await expect(box).toHaveValue("dev-ubuntu-01");

  // A fast typist presses Enter before the search for what was typed has answered: the older
  // results are not offered meanwhile, so Enter picks nothing.
  await typeIntoPicker(box, "golden-ubuntu-22");
  await page.keyboard.press("Enter");
  await expect(box).toHaveValue("golden-ubuntu-22"); // still the typed text, nothing picked
  await expectNothingSent(page, name, clones);
  const [devId, goldenId] = [
    await vmIdByName(page, "dev-ubuntu-01"),
    await vmIdByName(page, "golden-ubuntu-22"),
  ];
  await expect(preview(page)).toContainText(`"source": "${devId}"`);
  // Once the answer is in, the first match is highlighted and Enter picks it.
  await expect(page.getByRole("option", { name: /^golden-ubuntu-22\b/ })).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(box).toHaveAttribute("aria-expanded", "false");
  await expect(box).toHaveValue("golden-ubuntu-22");
  await expect(preview(page)).toContainText(`"source": "${goldenId}"`);
  await expectNothingSent(page, name, clones);
});

test("clicking into a picker selects its text, so typing replaces it", async ({ page }) => {
  await loginThroughPage(page, USERS.admin);
  await openForm(page);
  await chooseSource(page, "dev-ubuntu-01");
  const network = deviceRow(page, /Network adapter 1/).getByRole("combobox", { name: "Network" });
  await network.click();
  await page.keyboard.type("ephem");
  await expect(network).toHaveValue("ephem");
  await expect(page.getByRole("option", { name: /^pg-dev-ephemeral\b/ })).toBeVisible();

  const source = page.getByRole("combobox", { name: "Source VM" });
  await source.click();
  await page.keyboard.type("golden");
  await expect(source).toHaveValue("golden");
});

/**
 * Holds the answer to every source search until `release()`: while one is held the search is
 * under way for as long as the test needs, however fast the console would have answered.
 */
async function holdSearches(page: Page) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    (url) => url.pathname.endsWith("/vms") && Boolean(url.searchParams.get("q")),
    async (route) => {
      await released;
      // A search the page gave up meanwhile (a newer one replaced it) is gone: nothing to send.
      await route.continue().catch(() => {});
    },
  );
  return release;
}

/**
 * Lets the page finish what the last key started before the clock moves on: React renders the
 * key's search text in one task and restarts the debounce's timer in its effects, a task later.
 * Each message round trip queues behind what the page had already queued.
 */
async function settle(page: Page) {
  for (let i = 0; i < 3; i++)
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve();
          channel.port2.postMessage(null);
        }),
    );
}

test("the source search says Searching… while it runs, never Nothing matches, and counts matches", async ({
  page,
}) => {
  // The page's timers run on a clock the test moves, so the debounce sees exactly the gaps
  // typed below, however busy the machine.
  await page.clock.install();
  await loginThroughPage(page, USERS.admin);
  await openForm(page);
  const box = page.getByRole("combobox", { name: "Source VM" });
  const searches: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname.endsWith("/vms") && url.searchParams.get("q")) searches.push(url.search);
  });
  const release = await holdSearches(page);
  // Every text the picker's status line shows while the name is typed.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { statuses: string[] }).statuses = seen;
    new MutationObserver(() => {
      for (const node of document.querySelectorAll('[role="status"]'))
        if (node.textContent) seen.push(node.textContent);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });

  await box.click();
  // A slow typist: 350 ms a key, shorter than the 500 ms debounce, so no pause ends it early.
  await page.clock.pauseAt(Date.now() + 1_000);
  for (const key of "dev-ubuntu-01") {
    await page.keyboard.type(key);
    await settle(page);
    await page.clock.runFor(350);
  }
  expect(searches).toEqual([]);
  await page.clock.runFor(500);
  await page.clock.resume();
  // Debounced: one search, for the whole name, never one per key.
  await expect.poll(() => searches).toEqual([expect.stringContaining("q=dev-ubuntu-01&")]);
  // Its answer held: the search is under way, and the picker says so, offering nothing.
  await expect(page.getByRole("status").filter({ hasText: "Searching…" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Nothing matches" })).toHaveCount(0);
  await expect(page.getByRole("option")).toHaveCount(0);
  release();
  await expect(page.getByRole("option", { name: /^dev-ubuntu-01\b/ })).toBeVisible();
  const statuses = await page.evaluate(
    () => (window as unknown as { statuses: string[] }).statuses,
  );
  expect(statuses).toContain("Searching…");
  expect(statuses.filter((s) => s.includes("Nothing matches"))).toEqual([]);
  expect(searches).toHaveLength(1);

  // The footer counts matches, not a page: five VMs match "mon-" of the 40 or more listed.
  await page.keyboard.press("Escape");
  await page.getByRole("switch", { name: /Show all VMs/ }).check();
  await box.click();
  await expect(page.getByRole("option").first()).toBeVisible();
  expect(await page.getByRole("option").count()).toBeGreaterThanOrEqual(40);
  await page.keyboard.type("mon-");
  await expect(page.getByRole("option")).toHaveCount(5);
  await expect(page.getByRole("status").filter({ hasText: /shown| of \d/ })).toHaveCount(0);
});

test("the source picker lists powered-on and frozen VMs, and all with the switch", async ({
  page,
}) => {
  await loginThroughPage(page, USERS.admin);
  await openForm(page);
  const box = page.getByRole("combobox", { name: "Source VM" });
  await box.click();
  await box.fill("prod-db-01"); // powered off
  await expect(page.getByRole("status").filter({ hasText: "Nothing matches" })).toBeVisible();
  await page.keyboard.press("Escape");
  await page.getByRole("switch", { name: /Show all VMs/ }).check();
  await choose(page, "Source VM", "prod-db-01");
  await expect(box).toHaveValue("prod-db-01");
  await expect(page.getByText("This source cannot be instant-cloned as it is")).toBeVisible();
});

test("the source list says how old the inventory read is, and Refresh asks for a fresh one", async ({
  page,
}) => {
  // The console's own answer carries as_of, the time it read the inventory it searched.
  const refreshes: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname === "/api/environments/sim/vms" && url.searchParams.get("refresh") === "1")
      refreshes.push(request.url());
  });
  await loginThroughPage(page, USERS.admin);
  await openForm(page);
  await expect(page.getByText(/^VM list as of (just now|\d+ s ago|\d+ min ago)$/)).toBeVisible();
  await page.getByRole("button", { name: "Refresh", exact: true }).click();
  await expect.poll(() => refreshes.length).toBe(1);
  await expect(page.getByRole("button", { name: "Refresh", exact: true })).toBeEnabled();
  // A fresh read was just made, so the age starts again.
  await expect(page.getByText("VM list as of just now")).toBeVisible();
});
