import type { Page } from "@playwright/test";

import { expect, test, uniqueName, USERS } from "./fixtures";
import { chooseSource, leaveForHistoryAndBack, loginThroughPage, openForm } from "./ui-helpers";

// The batch part of the form lives in the address too: Reload and Back keep How many, the
// names and At once, and Copy link carries them.

const howMany = (page: Page) => page.getByRole("spinbutton", { name: "How many" });
const atOnce = (page: Page) => page.getByRole("spinbutton", { name: "At once" });
const preview = (page: Page) => page.getByRole("status", { name: "Batch preview" });

test("Reload and Back keep the batch fields", async ({ page }) => {
  await loginThroughPage(page, USERS.admin);
  await openForm(page);
  const prefix = uniqueName("ui-bu");
  await chooseSource(page, "golden-win2022");
  await howMany(page).fill("12");
  await atOnce(page).fill("3");
  await page.getByLabel("Name pattern").fill(`${prefix}-{n:fixed=3}`);
  await page.getByLabel("Start at").fill("5");
  await page.getByLabel(/A fresh BIOS UUID for each clone/).check();
  await expect(preview(page)).toHaveText(`12 clones: ${prefix}-005 … ${prefix}-016`);
  await expect(page).toHaveURL(/batch\.count=12/);
  await expect
    .poll(async () => page.url())
    .toBe(await page.getByLabel("Link to this form").inputValue());

  const expectKept = async () => {
    await expect(page.getByRole("combobox", { name: "Source VM" })).toHaveValue("golden-win2022");
    await expect(howMany(page)).toHaveValue("12");
    await expect(atOnce(page)).toHaveValue("3");
    await expect(page.getByLabel("Name pattern")).toHaveValue(`${prefix}-{n:fixed=3}`);
    await expect(page.getByLabel("Start at")).toHaveValue("5");
    await expect(page.getByLabel(/A fresh BIOS UUID for each clone/)).toBeChecked();
    await expect(preview(page)).toHaveText(`12 clones: ${prefix}-005 … ${prefix}-016`);
  };
  await page.reload();
  await expectKept();

  await leaveForHistoryAndBack(page);
  await expectKept();
});

test("a copied link opens with the pasted list of names", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await loginThroughPage(page, USERS.admin);
  await openForm(page);
  const prefix = uniqueName("ui-bl");
  const names = [`${prefix}-a`, `${prefix}-b`, `${prefix}-c`];
  await chooseSource(page, "golden-win2022");
  await howMany(page).fill("2");
  await page.getByLabel("Paste a list of names").check();
  await page.getByLabel("Names, one a line").fill(names.join("\n"));
  await expect(preview(page)).toHaveText(`3 clones: ${names[0]} … ${names[2]}`);

  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByRole("button", { name: /^Copy link/ })).toContainText("Copied");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await page.getByLabel("Link to this form").inputValue());

  const again = await context.newPage();
  await again.goto(copied);
  await expect(again.getByRole("combobox", { name: "Source VM" })).toHaveValue("golden-win2022");
  await expect(howMany(again)).toHaveValue("3");
  await expect(again.getByLabel("Paste a list of names")).toBeChecked();
  await expect(again.getByLabel("Names, one a line")).toHaveValue(names.join("\n"));
  await expect(preview(again)).toHaveText(`3 clones: ${names[0]} … ${names[2]}`);
  // The single clone's Name is not offered for a batch, nor left in the address.
  await expect(again.getByLabel("Name", { exact: true })).toHaveCount(0);
});
