import type { Page } from "@playwright/test";

import { expect, test, uniqueName, USERS } from "./fixtures";
import { chooseSource, deviceRow, errorStack, loginThroughPage, openForm } from "./ui-helpers";

// The UI on the fault bench (the `ui-faults` simulator, timeoutMs 3000): an expired session, a
// dropped connection, a slow vCenter and a failing list. The faults are shared by every test of
// that simulator, so these run one at a time.
test.describe.configure({ mode: "serial" });

const CLONE = { method: "POST", path: "/api/vcenter/vm" };

async function openFaultsForm(
  page: Page,
  source: string,
  name = uniqueName("ui-fault"),
  user: string = USERS.admin,
) {
  await loginThroughPage(page, user, "ui-faults");
  await openForm(page, "ui-faults");
  await chooseSource(page, source);
  await page.getByLabel("Name", { exact: true }).fill(name);
  return name;
}

test("UNAUTHENTICATED mid-form: log in again and the form is intact", async ({
  page,
  uiFaults,
}) => {
  const name = await openFaultsForm(page, "dev-ubuntu-01");
  const nic = deviceRow(page, /Network adapter 1/);
  await nic.getByLabel("Start connected").selectOption("false");
  await page.getByLabel("BIOS UUID").fill("12345678-abcd-1234-cdef-123456789abc");
  await uiFaults.expireSessions();

  const response = page.waitForResponse((r) => r.url().endsWith("/instant-clone"));
  await page.getByRole("button", { name: "Instant clone" }).click();
  expect((await response).status()).toBe(401);
  await expect(errorStack(page)).toContainText("UNAUTHENTICATED");
  await errorStack(page).getByRole("button", { name: "Log in again" }).click();
  await expect(page).toHaveURL(/\/e\/ui-faults\/login\?next=/);
  await page.getByLabel("Username").fill(USERS.admin);
  await page.getByLabel("Password", { exact: true }).fill("VMware1!");
  await page.getByRole("button", { name: "Log in" }).click();

  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(name);
  await expect(page.getByRole("combobox", { name: "Source VM" })).toHaveValue("dev-ubuntu-01");
  await expect(deviceRow(page, /Network adapter 1/).getByLabel("Start connected")).toHaveValue(
    "false",
  );
  await expect(page.getByLabel("BIOS UUID")).toHaveValue("12345678-abcd-1234-cdef-123456789abc");
  await page.getByRole("button", { name: "Instant clone" }).click();
  await expect(page.getByRole("region", { name: "Clone created" })).toContainText(name);
});

test("a dropped connection names the fix and warns the clone may exist", async ({
  page,
  uiFaults,
}) => {
  await openFaultsForm(page, "dev-ubuntu-01");
  await uiFaults.fault({ kind: "drop", match: CLONE });
  const response = page.waitForResponse((r) => r.url().endsWith("/instant-clone"));
  await page.getByRole("button", { name: "Instant clone" }).click();
  expect((await response).status()).toBeGreaterThanOrEqual(500);
  const stack = errorStack(page);
  await expect(stack).toContainText("origin: Network");
  await expect(stack).toContainText("check the VM list for the name before you submit again");
});

test("one click is one request: a double click submits once", async ({ page, uiFaults }) => {
  await openFaultsForm(page, "golden-win2022");
  // Slow enough to see the pending state, below the environment's 3 s timeout.
  await uiFaults.fault({ kind: "latency", ms: 2200, match: CLONE });
  const posts: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST" && r.url().endsWith("/instant-clone")) posts.push(r.url());
  });

  const submit = page.getByRole("button", { name: "Instant clone" });
  await submit.dblclick();
  await expect(submit).toBeDisabled();
  await expect(
    page.getByRole("status").filter({ hasText: /Waiting for vCenter… \d+ s/ }),
  ).toBeVisible();
  await expect(page.getByRole("region", { name: "Clone created" })).toBeVisible();
  expect(posts).toHaveLength(1);
});

test("a list that fails says so where it is used", async ({ page, uiFaults }) => {
  await uiFaults.fault({
    kind: "error",
    status: 503,
    times: 0,
    match: { path: "/api/vcenter/network" },
  });
  try {
    // The operator, whose lists no earlier test put in the console's inventory cache: a cached
    // list would be answered without asking the failing vCenter.
    await openFaultsForm(page, "dev-ubuntu-01", undefined, USERS.operator);
    const nic = deviceRow(page, /Network adapter 1/);
    await expect(
      nic.getByRole("alert").filter({ hasText: "The networks list failed" }),
    ).toContainText("HTTP 503");
    await nic.getByRole("combobox", { name: "Network" }).click();
    await expect(nic.getByRole("status")).toHaveText("The list could not be loaded");
  } finally {
    await uiFaults.clearFaults();
  }
});

test("vCenter's 503: the advice says try again, and again makes the clone", async ({
  page,
  uiFaults,
}) => {
  const name = await openFaultsForm(page, "dev-ubuntu-01");
  await uiFaults.fault({ kind: "error", status: 503, match: CLONE });
  const response = page.waitForResponse((r) => r.url().endsWith("/instant-clone"));
  await page.getByRole("button", { name: "Instant clone" }).click();
  expect((await response).status()).toBe(503);
  const stack = errorStack(page);
  await expect(stack).toContainText("vCenter is busy or restarting");
  await expect(stack.getByRole("note")).toHaveAccessibleName("vCenter is busy or restarting");
  await page.getByRole("button", { name: "Instant clone" }).click();
  await expect(page.getByRole("region", { name: "Clone created" })).toContainText(name);
});
