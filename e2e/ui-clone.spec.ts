import { expect, test, uniqueName, USERS } from "./fixtures";
import { nextName } from "../lib/schemas/next-clone";
import { randomMac } from "./inventory";
import {
  choose,
  chooseSource,
  deviceRow,
  loginThroughPage,
  openForm,
  seriousAxeViolations,
} from "./ui-helpers";

// The clone through the UI: the whole happy path, keyboard only, and one click one request.

type CloneDetail = {
  name: string;
  power_state: string;
  nics: { key: string; mac_type: string; mac_address?: string; backing: { network?: string } }[];
  serial_ports: { key: string; backing: { type: string; file?: string } }[];
};

test("clones through the form with a NIC override, a manual MAC, a serial backing and a folder", async ({
  page,
}) => {
  await loginThroughPage(page, USERS.admin);
  await openForm(page);
  const name = uniqueName("ui-happy");
  const mac = randomMac();
  const file = `[nfs-shared-01] ${name}/serial.log`;

  await chooseSource(page, "dev-ubuntu-01");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await choose(page, "Folder", "Lab");
  const nic = deviceRow(page, /Network adapter 1/);
  await choose(nic, "Network", "pg-dev-ephemeral");
  await nic.getByLabel("MAC type").selectOption("MANUAL");
  await nic.getByLabel("MAC address").fill(mac);
  const serial = deviceRow(page, /Serial port 1/);
  await serial.getByLabel("Backing").selectOption("FILE");
  await serial.getByLabel("File").fill(file);

  // The preview holds exactly what was changed.
  const preview = page.getByRole("figure", { name: "JSON body" });
  await expect(preview).toContainText('"folder": "group-v33"');
  await expect(preview).toContainText(`"mac_address": "${mac}"`);
  await expect(preview).not.toContainText("resource_pool");

  const response = page.waitForResponse((r) => r.url().endsWith("/instant-clone"));
  await page.getByRole("button", { name: "Instant clone" }).click();
  expect((await response).status()).toBe(201);
  const created = (await (await response).json()) as { vm: string };

  const result = page.getByRole("region", { name: "Clone created" });
  await expect(result).toContainText(name);
  await expect(result).toContainText(created.vm);
  await expect(result).toContainText("Lab (group-v33)");
  await expect(result).toContainText("pg-dev-ephemeral");
  expect(await seriousAxeViolations(page)).toEqual([]);

  const res = await page.request.get(`/api/environments/sim/vms/${created.vm}`);
  const clone = (await res.json()) as CloneDetail;
  expect(clone.name).toBe(name);
  expect(clone.power_state).toBe("POWERED_ON");
  expect(clone.nics[0]).toMatchObject({
    mac_type: "MANUAL",
    mac_address: mac,
    backing: { network: "dvportgroup-21" },
  });
  expect(clone.serial_ports[0].backing).toMatchObject({ type: "FILE", file });

  // "Clone another" keeps the form, under the next free name and without the manual MAC,
  // which a second clone must not repeat.
  await page.getByRole("button", { name: "Clone another" }).click();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(nextName(name));
  await expect(page.getByLabel("Name", { exact: true })).toBeFocused();
  await expect(nic.getByLabel("MAC type")).toHaveValue("");
  await expect(nic.getByLabel("MAC address")).toHaveCount(0);
  await expect(nic.getByRole("combobox", { name: "Network" })).toHaveValue("pg-dev-ephemeral");
  await expect(preview).not.toContainText(mac);
});

test("a clone can be made with the keyboard alone", async ({ page }) => {
  await loginThroughPage(page, USERS.admin);
  await openForm(page);
  const name = uniqueName("ui-keys");
  const source = page.getByRole("combobox", { name: "Source VM" });
  for (let i = 0; i < 20 && !(await source.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press("Tab");
  await expect(source).toBeFocused();
  await page.keyboard.type("golden-ubuntu-22");
  await expect(page.getByRole("option", { name: /^golden-ubuntu-22\b/ })).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("Enter");
  await expect(source).toHaveValue("golden-ubuntu-22");
  // Past the source list's own controls ("Show all VMs", and Refresh once the list has an age).
  const nameField = page.getByLabel("Name", { exact: true });
  for (let i = 0; i < 3 && !(await nameField.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press("Tab");
  await expect(nameField).toBeFocused();
  await page.keyboard.type(name);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("region", { name: "Clone created" })).toContainText(name);
  await expect(page.getByRole("heading", { name: "Clone created" })).toBeFocused();
});

test("the source picker marks frozen and stopped VMs", async ({ page }) => {
  await loginThroughPage(page, USERS.admin);
  await openForm(page);
  const box = page.getByRole("combobox", { name: "Source VM" });
  await box.click();
  await box.fill("golden-ubuntu-22");
  const frozen = page.getByRole("option", { name: /^golden-ubuntu-22\b/ });
  await expect(frozen).toContainText("Powered on");
  await expect(frozen).toContainText("Frozen");
  await box.fill("dev-ubuntu-01");
  const running = page.getByRole("option", { name: /^dev-ubuntu-01\b/ });
  await expect(running).toContainText("Powered on");
  await expect(running).not.toContainText("Frozen");
});
