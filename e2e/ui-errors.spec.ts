import type { Page } from "@playwright/test";

import { expect, test, uniqueName, USERS } from "./fixtures";
import {
  choose,
  chooseSource,
  deviceRow,
  errorStack,
  errorSummary,
  loginThroughPage,
  openForm,
  renderedMessages,
  seriousAxeViolations,
  vmIdByName,
} from "./ui-helpers";

// Each kind of failure, rendered by the one error stack: origin, status, error_type, vCenter's
// messages in vCenter's order, and the guidance for that type.

type Envelope = {
  error: { vcenter?: { messages: { default_message: string; localized?: string }[] } };
};

/** Submits and returns the console's error envelope as the page received it. */
async function submitExpectingError(page: Page, status: number): Promise<Envelope> {
  const response = page.waitForResponse((r) => r.url().endsWith("/instant-clone"));
  await page.getByRole("button", { name: "Instant clone" }).click();
  expect((await response).status()).toBe(status);
  return (await (await response).json()) as Envelope;
}

async function expectVcenterOrder(page: Page, envelope: Envelope) {
  const sent = envelope.error.vcenter?.messages.map((m) => m.localized ?? m.default_message) ?? [];
  expect(sent.length).toBeGreaterThan(0);
  expect(await renderedMessages(errorStack(page))).toEqual(sent);
}

async function fillSourceAndName(
  page: Page,
  source: string,
  name = uniqueName("ui-err"),
  { all = false } = {},
) {
  await chooseSource(page, source, { all });
  await page.getByLabel("Name", { exact: true }).fill(name);
}

test("ALREADY_EXISTS: the stack says so, the summary names Name and leads to it", async ({
  page,
}) => {
  await loginThroughPage(page, USERS.admin);
  await openForm(page);
  await fillSourceAndName(page, "dev-ubuntu-01", "dev-app-01"); // a VM of the same folder
  const envelope = await submitExpectingError(page, 400);
  const stack = errorStack(page);
  await expect(stack).toContainText("origin: vCenter");
  await expect(stack).toContainText("HTTP 400");
  await expect(stack).toContainText("ALREADY_EXISTS");
  await expect(stack).toContainText("The name is taken");
  await expectVcenterOrder(page, envelope);
  const nameField = page.getByLabel("Name", { exact: true });
  const summary = errorSummary(page);
  await expect(summary).toBeFocused();
  await expect(summary).toBeInViewport();
  // Named by its own label only: no device row's legend around it.
  await expect(summary.getByRole("listitem")).toHaveText([
    "Name: A VM with this name already exists in the target folder",
  ]);
  await expect(nameField).toHaveAttribute("aria-invalid", "true");
  await summary.getByRole("link", { name: "Name", exact: true }).click();
  await expect(nameField).toBeFocused();
  await expect(page.getByRole("region", { name: "New VM" }).getByRole("alert")).toHaveText(
    "A VM with this name already exists in the target folder",
  );
});

test("when the full error view cannot be fetched, its headline still shows", async ({ page }) => {
  await loginThroughPage(page, USERS.admin);
  await openForm(page);
  await fillSourceAndName(page, "dev-ubuntu-01", "dev-app-01");
  // The full stack is its own chunk, fetched when an error first shows. From here on no script
  // can be fetched (a proxy drops it, the console was upgraded): the headline must still say why.
  await page.route(/\/_next\/static\/chunks\//, (route) => route.abort());
  await submitExpectingError(page, 400);
  const stack = errorStack(page);
  await expect(stack).toContainText("already exists");
  await expect(stack).toContainText("HTTP 400");
  await expect(stack).toContainText("origin vcenter");
  await expect(stack.getByRole("button", { name: "Copy error" })).toHaveCount(0);
});

test("NOT_FOUND: a bookmark naming a folder that is gone", async ({ page }) => {
  await loginThroughPage(page, USERS.admin);
  const source = await vmIdByName(page, "dev-ubuntu-01");
  await openForm(page, "sim", `source=${source}&name=${uniqueName("ui-nf")}&folder=group-v9999`);
  const envelope = await submitExpectingError(page, 404);
  await expect(errorStack(page)).toContainText("NOT_FOUND");
  await expect(errorStack(page)).toContainText("Something in the request no longer exists");
  await expectVcenterOrder(page, envelope);
});

test("NOT_ALLOWED_IN_CURRENT_STATE: flagged before submit, explained after", async ({ page }) => {
  await loginThroughPage(page, USERS.admin);
  await openForm(page);
  await fillSourceAndName(page, "prod-db-01", uniqueName("ui-err"), { all: true });
  await expect(page.getByText("This source cannot be instant-cloned as it is")).toBeVisible();
  const envelope = await submitExpectingError(page, 400);
  await expect(errorStack(page)).toContainText("NOT_ALLOWED_IN_CURRENT_STATE");
  await expect(errorStack(page)).toContainText("needs a source that is powered on, or frozen");
  // Advice for the cause in the stack only: nothing about port backings.
  await expect(errorStack(page)).not.toContainText("backing");
  await expect(errorSummary(page)).toBeFocused();
  await expect(errorSummary(page)).toContainText("Error details: Unable to instant clone");
  await expectVcenterOrder(page, envelope);
});

test("UNAUTHORIZED (readonly): the privileges per resource are listed", async ({ page }) => {
  await loginThroughPage(page, USERS.readonly);
  await openForm(page);
  await fillSourceAndName(page, "dev-ubuntu-01");
  const envelope = await submitExpectingError(page, 403);
  const stack = errorStack(page);
  await expect(stack).toContainText("UNAUTHORIZED");
  const privileges = stack.getByRole("table", { name: "Privileges instant clone needs" });
  await expect(privileges).toContainText("VirtualMachine.Provisioning.Clone");
  await expect(privileges).toContainText("VirtualMachine.Inventory.CreateFromExisting");
  await expect(privileges).toContainText("Resource.AssignVMToPool");
  await expect(privileges).toContainText("Datastore.AllocateSpace");
  await expectVcenterOrder(page, envelope);
  expect(await seriousAxeViolations(page)).toEqual([]);
});

test("UNAUTHORIZED (operator into Prod): PowerOn on the folder Prod", async ({ page }) => {
  await loginThroughPage(page, USERS.operator);
  await openForm(page);
  await fillSourceAndName(page, "golden-ubuntu-22");
  await choose(page, "Folder", "Prod");
  const envelope = await submitExpectingError(page, 403);
  const row = errorStack(page).getByRole("row", { name: /Folder/ });
  await expect(row).toContainText("Prod (group-v30)");
  await expect(row).toContainText("VirtualMachine.Interact.PowerOn");
  // vCenter's message names the folder: the Folder field shows it too.
  await expect(page.getByRole("combobox", { name: "Folder" })).toHaveAttribute(
    "aria-invalid",
    "true",
  );
  await expect(errorSummary(page)).toContainText("Folder: ");
  await expectVcenterOrder(page, envelope);
});

test("INVALID_ARGUMENT from vCenter: a multicast MAC", async ({ page }) => {
  await loginThroughPage(page, USERS.admin);
  await openForm(page);
  await fillSourceAndName(page, "dev-ubuntu-01");
  const nic = deviceRow(page, /Network adapter 1/);
  await nic.getByLabel("MAC type").selectOption("MANUAL");
  // Well-formed, so the console passes it on; vCenter refuses a multicast address.
  await nic.getByLabel("MAC address").fill("01:00:5e:00:00:fb");
  const envelope = await submitExpectingError(page, 400);
  await expect(errorStack(page)).toContainText("INVALID_ARGUMENT");
  await expect(errorStack(page)).toContainText("origin: vCenter");
  await expectVcenterOrder(page, envelope);
});

test("a console field error lands on its field, in view", async ({ page }) => {
  await loginThroughPage(page, USERS.admin);
  await openForm(page);
  await fillSourceAndName(page, "dev-ubuntu-01");
  const nic = deviceRow(page, /Network adapter 1/);
  await nic.getByLabel("MAC type").selectOption("MANUAL");
  await nic.getByLabel("MAC address").fill("00:50:56:01:02:03");
  // The form checks what the console checks, so only a body changed on the way shows the
  // console's own refusal; the console, not this test, writes the answer.
  await page.route("**/instant-clone", async (route) => {
    const body = route.request().postDataJSON() as {
      nics_to_update: Record<string, { mac_address: string }>;
    };
    Object.values(body.nics_to_update)[0].mac_address = "not-a-mac";
    await route.continue({ postData: JSON.stringify(body) });
  });
  await submitExpectingError(page, 400);
  await expect(errorStack(page)).toContainText("origin: Console");
  await expect(errorStack(page)).toContainText("nics_to_update.4000.mac_address");
  const mac = nic.getByLabel("MAC address");
  await expect(errorSummary(page)).toBeFocused();
  await errorSummary(page)
    .getByRole("link", { name: /Network adapter 1.*MAC address/ })
    .click();
  await expect(mac).toBeFocused();
  await expect(mac).toBeInViewport();
  await expect(mac).toHaveAttribute("aria-invalid", "true");
  await expect(nic.getByRole("alert")).toContainText("six hex pairs");
});
