import { expect, test, uniqueName, USERS } from "./fixtures";
import {
  choose,
  chooseSource,
  deviceRow,
  leaveForHistoryAndBack,
  loginThroughPage,
  openForm,
} from "./ui-helpers";

// Input is never lost: the address bar holds the form in the query "Copy link" writes, so
// Reload and Back bring every value back and the address is always a working bookmark.

test("Reload and Back keep every value, and the address is the form's link", async ({ page }) => {
  await loginThroughPage(page, USERS.admin);
  await openForm(page);
  const name = uniqueName("ui-state");
  await chooseSource(page, "dev-ubuntu-01");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await choose(page, "Folder", "Lab");
  const nic = deviceRow(page, /Network adapter 1/);
  await choose(nic, "Network", "pg-dev-ephemeral");
  await nic.getByLabel("Wake on LAN").selectOption("true");
  await page.getByLabel("BIOS UUID").fill("12345678-abcd-1234-cdef-123456789abc");
  const body = await page.getByRole("figure", { name: "JSON body" }).textContent();

  // The address follows the form (replaceState: typing adds no history entries).
  await expect(page).toHaveURL(new RegExp(`name=${name}`));
  await expect
    .poll(async () => page.url())
    .toBe(await page.getByLabel("Link to this form").inputValue());
  const historyLength = await page.evaluate(() => history.length);

  const expectAllKept = async () => {
    await expect(page.getByRole("combobox", { name: "Source VM" })).toHaveValue("dev-ubuntu-01");
    await expect(page.getByLabel("Name", { exact: true })).toHaveValue(name);
    await expect(page.getByRole("combobox", { name: "Folder" })).toHaveValue("Lab");
    const row = deviceRow(page, /Network adapter 1/);
    await expect(row.getByRole("combobox", { name: "Network" })).toHaveValue("pg-dev-ephemeral");
    await expect(row.getByLabel("Wake on LAN")).toHaveValue("true");
    await expect(page.getByLabel("BIOS UUID")).toHaveValue("12345678-abcd-1234-cdef-123456789abc");
    await expect(page.getByRole("figure", { name: "JSON body" })).toHaveText(body ?? "");
  };

  await page.reload();
  await expectAllKept();
  expect(await page.evaluate(() => history.length)).toBe(historyLength);

  await leaveForHistoryAndBack(page);
  await expectAllKept();
});
