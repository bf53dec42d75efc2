import type { Page } from "@playwright/test";

import { expect, test, uniqueName, USERS } from "./fixtures";
import { simUrl } from "./ports";
import {
  choose,
  chooseSource,
  deviceRow,
  errorStack,
  loginThroughPage,
  openForm,
  vmIdByName,
  vmsNamed,
} from "./ui-helpers";

// Advice matches the cause: each refusal the simulator gives through the form shows the
// paragraph for the cause in vCenter's message stack, and doing what it says makes the clone,
// which the simulator then holds. (A connected port's backing: ui-form-errors.spec.ts.)

async function fillSourceAndName(page: Page, source: string, { all = false } = {}) {
  const name = uniqueName("ui-guide");
  await chooseSource(page, source, { all });
  await page.getByLabel("Name", { exact: true }).fill(name);
  return name;
}

async function submit(page: Page) {
  await page.getByRole("button", { name: "Instant clone" }).click();
}

/** The stack shows this advice, and only this one. */
async function expectAdvice(page: Page, title: string, status: number) {
  const stack = errorStack(page);
  await expect(stack).toContainText(`HTTP ${status}`);
  await expect(stack).toContainText(title);
  await expect(stack.getByRole("note")).toHaveCount(1);
  await expect(stack.getByRole("note")).toHaveAccessibleName(title);
}

async function expectMade(page: Page, name: string, env = "sim") {
  await expect(page.getByRole("region", { name: "Clone created" })).toContainText(name);
  expect(await vmsNamed(page, name, env)).toHaveLength(1);
}

/** Changes a VM the way a tool outside the console would (vSphere Client, a guest script). */
async function patchSimVm(page: Page, vmName: string, change: Record<string, unknown>) {
  const vm = await vmIdByName(page, vmName);
  const res = await page.request.patch(`${simUrl}/__sim/vms/${vm}`, { data: change });
  expect(res.status()).toBe(200);
}

test("a datastore the source's host does not see: choose one it does", async ({ page }) => {
  await loginThroughPage(page, USERS.admin);
  await openForm(page);
  const name = await fillSourceAndName(page, "dev-ubuntu-01"); // on esx-a2
  await choose(page, "Datastore", "local-esx-b1"); // esx-b1 only
  await submit(page);
  await expectAdvice(page, "The placement is out of the source's reach", 400);
  expect(await vmsNamed(page, name)).toEqual([]);
  await choose(page, "Datastore", "nfs-shared-01"); // every host
  await submit(page);
  await expectMade(page, name);
});

test("a distributed port in use: leave it empty and vCenter picks one", async ({ page }) => {
  await loginThroughPage(page, USERS.admin);
  await openForm(page);
  const name = await fillSourceAndName(page, "prod-web-01"); // its adapter 2 holds port 0
  const nic = deviceRow(page, /Network adapter 2/);
  await choose(nic, "Network", "pg-prod-static");
  await nic.getByLabel("Distributed port").fill("0");
  await submit(page);
  await expectAdvice(page, "The distributed port is taken", 400);
  await expect(errorStack(page)).toContainText("RESOURCE_IN_USE");
  await nic.getByLabel("Distributed port").fill("");
  await submit(page);
  await expectMade(page, name);
});

test("too many delta disks: freeze the source", async ({ page }) => {
  await loginThroughPage(page, USERS.admin);
  // As after 255 clones of a running source (KB 67186); mon-02 is this test's own.
  await patchSimVm(page, "mon-02", { delta_disks: 255, instant_clone_frozen: false });
  await openForm(page);
  const name = await fillSourceAndName(page, "mon-02");
  await submit(page);
  await expectAdvice(page, "The source has too many delta disks", 500);
  await expect(errorStack(page)).toContainText("instantclone.freeze");
  expect(await vmsNamed(page, name)).toEqual([]);
  // What vmware-rpctool "instantclone.freeze" in the guest does.
  await patchSimVm(page, "mon-02", { instant_clone_frozen: true });
  await submit(page);
  await expectMade(page, name);
});

test("a powered-off source: power it on", async ({ page }) => {
  await loginThroughPage(page, USERS.admin);
  await patchSimVm(page, "mon-04", { power_state: "POWERED_OFF" }); // this test's own
  await openForm(page);
  const name = await fillSourceAndName(page, "mon-04", { all: true });
  await submit(page);
  await expectAdvice(page, "The source is not in a state to clone from", 400);
  await patchSimVm(page, "mon-04", { power_state: "POWERED_ON" });
  await submit(page);
  await expectMade(page, name);
});

test("a name that is taken: another name", async ({ page }) => {
  await loginThroughPage(page, USERS.admin);
  await openForm(page);
  const name = await fillSourceAndName(page, "dev-ubuntu-01");
  await page.getByLabel("Name", { exact: true }).fill("dev-app-01"); // in the same folder
  await submit(page);
  await expectAdvice(page, "The name is taken", 400);
  await errorStack(page).getByRole("button", { name: "Change the name" }).click();
  await page.getByLabel("Name", { exact: true }).fill(name);
  await submit(page);
  await expectMade(page, name);
});

test("a bookmark's folder that is gone: choose the folder again", async ({ page }) => {
  await loginThroughPage(page, USERS.admin);
  const source = await vmIdByName(page, "dev-ubuntu-01");
  const name = uniqueName("ui-guide");
  await openForm(page, "sim", `source=${source}&name=${name}&folder=group-v9999`);
  await submit(page);
  await expectAdvice(page, "Something in the request no longer exists", 404);
  await choose(page, "Folder", "Dev");
  await submit(page);
  await expectMade(page, name);
});

test("a privilege missing on the folder: a folder where the user holds it", async ({ page }) => {
  await loginThroughPage(page, USERS.operator);
  await openForm(page);
  const name = await fillSourceAndName(page, "golden-ubuntu-22");
  await choose(page, "Folder", "Prod");
  await submit(page);
  await expectAdvice(page, "A privilege is missing", 403);
  await choose(page, "Folder", "Dev");
  await submit(page);
  await expectMade(page, name);
});

test("a value vCenter refuses: correct it", async ({ page }) => {
  await loginThroughPage(page, USERS.admin);
  await openForm(page);
  const name = await fillSourceAndName(page, "dev-ubuntu-01");
  const nic = deviceRow(page, /Network adapter 1/);
  await nic.getByLabel("MAC type").selectOption("MANUAL");
  await nic.getByLabel("MAC address").fill("01:00:5e:00:00:fb"); // multicast
  await submit(page);
  await expectAdvice(page, "vCenter refused a value", 400);
  await nic.getByLabel("MAC address").fill(`00:50:56:3f:${uniqueMacTail()}`);
  await submit(page);
  await expectMade(page, name);
});

test("vCenter 6.7: too old, and the same link on a 7.0 vCenter makes the clone", async ({
  page,
}) => {
  await loginThroughPage(page, USERS.admin, "legacy");
  await openForm(page, "legacy");
  const name = await fillSourceAndName(page, "dev-ubuntu-01");
  await submit(page);
  await expectAdvice(page, "This vCenter is too old for instant clone over REST", 400);
  const query = new URL(page.url()).search;
  await loginThroughPage(page, USERS.admin, "rest");
  await page.goto(`/e/rest${query}`);
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(name);
  await submit(page);
  await expectMade(page, name, "rest");
});

let macs = 0;
/** Two hex pairs no other clone of this run uses, for a manual MAC. */
function uniqueMacTail() {
  const n = (process.pid * 97 + macs++) % 65536;
  const hex = n.toString(16).padStart(4, "0");
  return `${hex.slice(0, 2)}:${hex.slice(2)}`;
}
