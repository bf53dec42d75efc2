import { expect, test, USERS } from "./fixtures";
import {
  choose,
  chooseSource,
  deviceRow,
  loginThroughPage,
  openForm,
  seriousAxeViolations,
  vmIdByName,
} from "./ui-helpers";

// A bookmark of the form restores every field, and "Copy link" writes that bookmark.

const sorted = (query: string) =>
  [...new URLSearchParams(query)].map(([k, v]) => `${k}=${v}`).sort();

test("a prefilled link restores every field, and the form's link is that link", async ({
  page,
}) => {
  await loginThroughPage(page, USERS.admin);
  const source = await vmIdByName(page, "lab-serial-01");
  const query = new URLSearchParams({
    source,
    name: "from-a-bookmark",
    folder: "group-v33",
    resource_pool: "resgroup-29",
    datastore: "datastore-11",
    disconnect_all_nics: "true",
    bios_uuid: "12345678-abcd-1234-cdef-123456789abc",
    "nic.4000.backing.network": "network-12",
    "nic.4000.backing.type": "STANDARD_PORTGROUP",
    "nic.4000.mac_type": "MANUAL",
    "nic.4000.mac_address": "00:50:56:01:02:03",
    "nic.4001.start_connected": "false",
    "serial.9001.backing.type": "PIPE_CLIENT",
    "serial.9001.backing.pipe": "\\\\.\\pipe\\bookmark",
    "serial.9001.backing.no_rx_loss": "true",
    "serial.9001.yield_on_poll": "true",
  }).toString();
  await openForm(page, "sim", query);

  await expect(page.getByRole("combobox", { name: "Source VM" })).toHaveValue("lab-serial-01");
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("from-a-bookmark");
  await expect(page.getByRole("combobox", { name: "Folder" })).toHaveValue("Lab");
  await expect(page.getByRole("combobox", { name: "Resource pool" })).toHaveValue("Lab");
  await expect(page.getByRole("combobox", { name: "Datastore" })).toHaveValue("nfs-shared-01");
  await expect(page.getByRole("switch", { name: "Disconnect all NICs" })).toBeChecked();
  await expect(page.getByLabel("BIOS UUID")).toHaveValue("12345678-abcd-1234-cdef-123456789abc");
  const nic1 = deviceRow(page, /Network adapter 1/);
  await expect(nic1.getByRole("combobox", { name: "Network" })).toHaveValue("VM Network");
  await expect(nic1.getByLabel("MAC type")).toHaveValue("MANUAL");
  await expect(nic1.getByLabel("MAC address")).toHaveValue("00:50:56:01:02:03");
  await expect(deviceRow(page, /Network adapter 2/).getByLabel("Start connected")).toHaveValue(
    "false",
  );
  const serial2 = deviceRow(page, /Serial port 2/);
  await expect(serial2.getByLabel("Backing")).toHaveValue("PIPE_CLIENT");
  await expect(serial2.getByLabel("Pipe")).toHaveValue("\\\\.\\pipe\\bookmark");
  await expect(serial2.getByLabel("No RX loss")).toBeChecked();
  await expect(serial2.getByLabel("Yield on poll")).toHaveValue("true");

  const link = await page.getByLabel("Link to this form").inputValue();
  expect(new URL(link).pathname).toBe("/e/sim");
  expect(sorted(new URL(link).search)).toEqual(sorted(query));
});

test("Copy link copies a link that reopens the form exactly as it was", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await loginThroughPage(page, USERS.admin);
  await openForm(page);
  await chooseSource(page, "dev-ubuntu-01");
  await page.getByLabel("Name", { exact: true }).fill("copied-link");
  await choose(page, "Datastore", "vsan-cluster-a");
  const nic = deviceRow(page, /Network adapter 1/);
  await choose(nic, "Network", "pg-prod-static");
  await nic.getByLabel("Distributed port").fill("7");
  await nic.getByLabel("Wake on LAN").selectOption("true");
  const parallel = deviceRow(page, /Parallel port 1/);
  await parallel.getByLabel("Backing").selectOption("HOST_DEVICE");
  await parallel.getByLabel("Host device").fill("/dev/parport0");

  await page.getByRole("button", { name: "Copy link" }).click();
  // The confirmation is readable: axe checks its contrast while it shows.
  await expect(page.getByRole("button", { name: /^Copy link/ })).toContainText("Copied");
  expect(await seriousAxeViolations(page)).toEqual([]);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await page.getByLabel("Link to this form").inputValue());
  const body = await page.getByRole("figure", { name: "JSON body" }).textContent();

  const again = await context.newPage();
  await again.goto(copied);
  await expect(again.getByRole("combobox", { name: "Source VM" })).toHaveValue("dev-ubuntu-01");
  await expect(again.getByLabel("Name", { exact: true })).toHaveValue("copied-link");
  await expect(again.getByRole("combobox", { name: "Datastore" })).toHaveValue("vsan-cluster-a");
  const nicAgain = deviceRow(again, /Network adapter 1/);
  await expect(nicAgain.getByRole("combobox", { name: "Network" })).toHaveValue("pg-prod-static");
  await expect(nicAgain.getByLabel("Distributed port")).toHaveValue("7");
  await expect(nicAgain.getByLabel("Wake on LAN")).toHaveValue("true");
  await expect(deviceRow(again, /Parallel port 1/).getByLabel("Host device")).toHaveValue(
    "/dev/parport0",
  );
  await expect(again.getByRole("figure", { name: "JSON body" })).toHaveText(body ?? "");
});
