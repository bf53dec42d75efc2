import type { Locator, Page } from "@playwright/test";

import { nextName } from "../lib/schemas/next-clone";
import { expect, test, uniqueName, USERS } from "./fixtures";
import {
  choose,
  chooseSource,
  deviceRow,
  errorStack,
  loginThroughPage,
  openForm,
  seriousAxeViolations,
  vmIdByName,
} from "./ui-helpers";

// The history pages: a clone and a failed clone made through the form, both listed with their
// outcomes, the failed one in full with its error stack, and "Clone again" back into the form.

const MULTICAST_MAC = "01:00:5e:00:00:fb";

/** Fills the form and submits it; answers the instant-clone response's status. */
async function cloneThroughForm(page: Page, name: string, fill?: () => Promise<void>) {
  await openForm(page);
  await chooseSource(page, "dev-ubuntu-01");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await fill?.();
  const response = page.waitForResponse((r) => r.url().endsWith("/instant-clone"));
  await page.getByRole("button", { name: "Instant clone" }).click();
  return (await response).status();
}

/** Serious and critical axe violations in light and in dark, then back to light. */
async function axeInBothSchemes(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of ["dark", "light"] as const) {
    await page.emulateMedia({ colorScheme });
    // Buttons fade between schemes; axe must see the colours they end with.
    await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
    found.push(...(await seriousAxeViolations(page)).map((v) => `${colorScheme}: ${v}`));
  }
  return found;
}

/**
 * The history row of a clone name. Other tests clone in `sim` at the same time, so the row may
 * have been pushed past the first page: walk the pages until it shows.
 */
async function historyRow(page: Page, name: string): Promise<Locator> {
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(page.getByRole("table")).toBeVisible();
  for (let pages = 0; (await row.count()) === 0 && pages < 5; pages++) {
    await page.getByRole("button", { name: "Next" }).click();
    await expect(page).toHaveURL(/offset=/);
    await expect(page.getByRole("table")).toBeVisible();
  }
  return row;
}

test("history lists a clone and a failed clone from the form; the failure shows its stack and clones again", async ({
  page,
}) => {
  test.slow(); // two clones, four axe runs, five pages: past a minute on a shared machine
  await loginThroughPage(page, USERS.admin);
  const good = uniqueName("ui-hist-ok");
  const bad = uniqueName("ui-hist-bad");

  expect(await cloneThroughForm(page, good, () => choose(page, "Folder", "Lab"))).toBe(201);
  const result = page.getByRole("region", { name: "Clone created" });
  await expect(result.getByRole("link", { name: "The recorded operation" })).toHaveAttribute(
    "href",
    /^\/e\/sim\/operations\/[0-9a-f-]{36}$/,
  );

  // Well-formed, so the console passes it on; vCenter refuses a multicast MAC.
  const status = await cloneThroughForm(page, bad, async () => {
    const nic = deviceRow(page, /Network adapter 1/);
    await nic.getByLabel("MAC type").selectOption("MANUAL");
    await nic.getByLabel("MAC address").fill(MULTICAST_MAC);
  });
  expect(status).toBe(400);
  const failedOperation = errorStack(page).getByRole("link", { name: /^Operation / });
  await expect(failedOperation).toHaveAttribute("href", /^\/e\/sim\/operations\//);
  expect(await axeInBothSchemes(page)).toEqual([]);

  await page
    .getByRole("navigation", { name: "Environment" })
    .getByRole("link", { name: "History" })
    .click();
  await expect(page).toHaveTitle("History · Simulator (e2e)");
  const goodRow = await historyRow(page, good);
  await expect(goodRow).toContainText("Succeeded");
  await expect(goodRow).toContainText("Administrator");
  // The source by its name, read through the console, and by its id.
  await expect(goodRow).toContainText("dev-ubuntu-01");
  await expect(goodRow).toContainText(/vm-\d+/);
  await expect(goodRow).toContainText(/ago|just now/);
  expect(await axeInBothSchemes(page)).toEqual([]);

  // The outcome filter is part of the URL, so the filtered view can be bookmarked.
  await page.getByLabel("Outcome").selectOption("failed");
  await expect(page).toHaveURL(/\/e\/sim\/history\?outcome=failed$/);
  const badRow = await historyRow(page, bad);
  await expect(badRow).toContainText("Failed");
  await expect(page.getByRole("row").filter({ hasText: good })).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel("Outcome")).toHaveValue("failed");

  await (await historyRow(page, bad)).getByRole("link", { name: bad }).click();
  await expect(page).toHaveTitle("Operation · Simulator (e2e)");
  const stack = page.getByRole("alert").filter({ hasText: "What vCenter or the console answered" });
  await expect(stack).toContainText("INVALID_ARGUMENT");
  await expect(stack).toContainText("origin: vCenter");
  const sent = page.getByRole("region", { name: "The request as sent" });
  await expect(sent).toContainText(`"mac_address": "${MULTICAST_MAC}"`);
  await expect(sent.getByRole("button", { name: "Copy JSON" })).toBeVisible();
  expect(await axeInBothSchemes(page)).toEqual([]);

  await page.getByRole("link", { name: "Clone again with these values" }).click();
  await expect(page).toHaveTitle("Instant clone · Simulator (e2e)");
  await expect(page.getByRole("combobox", { name: "Source VM" })).toHaveValue("dev-ubuntu-01");
  // The next name, and no manual MAC: a second clone must not repeat either.
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(nextName(bad));
  const nic = deviceRow(page, /Network adapter 1/);
  await expect(nic.getByLabel("MAC type")).toHaveValue("");
  await expect(nic.getByLabel("MAC address")).toHaveCount(0);
});

test("a successful operation shows the new VM, and its page is linked from the result", async ({
  page,
}) => {
  await loginThroughPage(page, USERS.admin);
  const name = uniqueName("ui-hist-vm");
  expect(await cloneThroughForm(page, name)).toBe(201);
  const result = page.getByRole("region", { name: "Clone created" });
  const vm = (await result.textContent())?.match(/vm-\d+/)?.[0];
  expect(vm).toBeDefined();

  await result.getByRole("link", { name: "The recorded operation" }).click();
  await expect(page).toHaveTitle("Operation · Simulator (e2e)");
  const created = page.getByRole("region", { name: "Clone created" });
  await expect(created).toContainText(name);
  await expect(created).toContainText(vm!);
  await expect(page.getByText("Succeeded", { exact: true })).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "Environment" }).getByRole("link", { name: "History" }),
  ).toHaveAttribute("aria-current", "page");
});

test("the history page asks for a login first and comes back", async ({ page }) => {
  await page.goto("/e/sim/history?outcome=failed");
  await expect(page).toHaveURL(/\/e\/sim\/login\?next=%2Fe%2Fsim%2Fhistory%3Foutcome%3Dfailed/);
  await page.getByLabel("Username").fill(USERS.admin);
  await page.getByLabel("Password", { exact: true }).fill("VMware1!");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/e\/sim\/history\?outcome=failed$/);
  await expect(page.getByLabel("Outcome")).toHaveValue("failed");
});

test("the history pages with Previous and Next, counts shown, the page kept in the URL", async ({
  page,
}) => {
  await loginThroughPage(page, USERS.admin);
  const source = await vmIdByName(page, "dev-ubuntu-01");
  // More failures than one page holds; vCenter refuses each, so no VM is made.
  for (let i = 0; i < 26; i++) {
    const res = await page.request.post("/api/environments/sim/instant-clone", {
      data: {
        source,
        name: uniqueName("ui-hist-page"),
        nics_to_update: { "4000": { mac_type: "MANUAL", mac_address: MULTICAST_MAC } },
      },
    });
    expect(res.status()).toBe(400);
  }

  await page.goto("/e/sim/history?outcome=failed");
  const pages = page.getByRole("navigation", { name: "History pages" });
  await expect(pages).toContainText(/^Previous1–25 of \d+Next$/);
  await expect(pages.getByRole("button", { name: "Previous" })).toBeDisabled();
  await pages.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/\/e\/sim\/history\?outcome=failed&offset=25$/);
  await expect(pages).toContainText(/26–\d+ of \d+/);
  await pages.getByRole("button", { name: "Previous" }).click();
  await expect(page).toHaveURL(/\/e\/sim\/history\?outcome=failed$/);
  await expect(pages).toContainText("1–25 of");
});
