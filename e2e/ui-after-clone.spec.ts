import type { Page } from "@playwright/test";

import { expect, test, uniqueName, USERS } from "./fixtures";
import { simUrl } from "./ports";
import { simCallsTo, simPatchVm, simVm } from "./sim-guest";
import { chooseSource, loginThroughPage, openForm, seriousAxeViolations } from "./ui-helpers";

/** GUEST_POLL_MS of lib/api/use-guest.ts: how often a page asks about a clone's guest. */
const GUEST_POLL_MS = 2_000;

// The life of a clone in Chromium: submitted, followed to Ready, deleted; one at a time from
// its result or operation page, several from the history.

async function cloneThroughForm(page: Page, source: string, prefix: string) {
  await openForm(page);
  const name = uniqueName(prefix);
  await chooseSource(page, source);
  await page.getByLabel("Name", { exact: true }).fill(name);
  const response = page.waitForResponse((r) => r.url().endsWith("/instant-clone"));
  await page.getByRole("button", { name: "Instant clone" }).click();
  expect((await response).status()).toBe(201);
  const { vm } = (await (await response).json()) as { vm: string };
  return { name, vm, result: page.getByRole("region", { name: "Clone created" }) };
}

async function cloneThroughApi(page: Page, source: string, prefix: string) {
  const name = uniqueName(prefix);
  const res = await page.request.post("/api/environments/sim/instant-clone", {
    data: { source, name },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as { vm: string; name: string; operation: string };
}

test("a clone is followed to Ready with its IP, warned of its source's identity, then deleted", async ({
  page,
}) => {
  await loginThroughPage(page, USERS.admin);
  const { name, vm, result } = await cloneThroughForm(page, "golden-ubuntu-22", "ui-ready");

  await expect(
    result.getByText(/^Ready · 10\.0\.3\.17 · golden-ubuntu-22\.lab\.example$/),
  ).toBeVisible();
  await expect(result.getByText(/after the clone/)).toBeVisible();
  const clash = result
    .getByRole("alert")
    .filter({ hasText: "This clone has its source's identity" });
  await expect(clash).toContainText("Same IP as its source golden-ubuntu-22: 10.0.3.17");
  await expect(clash).toContainText("instantclone.freeze");
  expect(await seriousAxeViolations(page)).toEqual([]);

  await result.getByRole("button", { name: `Delete ${name}` }).click();
  await result.getByRole("button", { name: "Power off and delete" }).click();
  await expect(
    result.getByRole("status").filter({ hasText: `Deleted ${name} (${vm})` }),
  ).toBeVisible();
  expect((await simVm(simUrl, vm)).status).toBe(404);
});

test("a clone of a re-identifying source is Ready with its own identity and no warning", async ({
  page,
}) => {
  await loginThroughPage(page, USERS.admin);
  const { name, result } = await cloneThroughForm(page, "golden-win2022", "ui-fresh");
  await expect(
    result.getByText(new RegExp(`^Ready · 10\\.\\d+\\.\\d+\\.\\d+ · ${name}\\.lab\\.example$`)),
  ).toBeVisible();
  await expect(result.getByText("This clone has its source's identity")).toHaveCount(0);
});

test("several clones are deleted from the history after typing their count", async ({ page }) => {
  await loginThroughPage(page, USERS.admin);
  const clones = [
    await cloneThroughApi(page, "vm-1005", "ui-many"),
    await cloneThroughApi(page, "vm-1005", "ui-many"),
  ];
  await page.goto("/e/sim/history");
  for (const clone of clones)
    await page.getByRole("checkbox", { name: `Select ${clone.name} for deletion` }).check();
  await page.getByRole("button", { name: "Delete selected" }).click();
  const confirm = page.getByRole("button", { name: "Delete 2" });
  await expect(confirm).toBeDisabled();
  await page.getByLabel("Type 2 to confirm").fill("2");
  await confirm.click();
  await expect(page.getByRole("status").filter({ hasText: "Deleted 2 of 2" })).toBeVisible();
  for (const clone of clones) expect((await simVm(simUrl, clone.vm)).status).toBe(404);
  await page.getByRole("button", { name: "Done" }).click();
  for (const clone of clones) {
    await expect(
      page.getByRole("checkbox", { name: `Select ${clone.name} for deletion` }),
    ).toHaveCount(0);
  }
});

test("a readonly user's deletion shows vCenter's refusal with the missing privilege", async ({
  page,
  browser,
}) => {
  await loginThroughPage(page, USERS.admin);
  const clone = await cloneThroughApi(page, "vm-1005", "ui-ro-keep");

  const context = await browser.newContext();
  const readonly = await context.newPage();
  await loginThroughPage(readonly, USERS.readonly, "sim", `/e/sim/operations/${clone.operation}`);
  await readonly.getByRole("button", { name: `Delete ${clone.name}` }).click();
  await readonly.getByRole("button", { name: "Power off and delete" }).click();
  const stack = readonly.getByRole("alert").filter({ hasText: `${clone.name} was not deleted` });
  await expect(stack).toContainText("VirtualMachine.Interact.PowerOff");
  await expect(stack).toContainText("403");
  expect((await simVm(simUrl, clone.vm)).body).toMatchObject({ state: "POWERED_ON" });
  await context.close();
});

test("following a clone's guest stops when its page is left", async ({ page }) => {
  await loginThroughPage(page, USERS.admin);
  const clone = await cloneThroughApi(page, "vm-1005", "ui-leave");
  await simPatchVm(simUrl, clone.vm, { tools_running: false });
  const toolsCalls = async () =>
    (await simCallsTo(simUrl, clone.vm)).filter((op) => op === "vcenter.vm.tools.get").length;

  await page.goto(`/e/sim/operations/${clone.operation}`);
  await expect(page.getByText("Waiting for VMware Tools…")).toBeVisible();
  await expect.poll(toolsCalls, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);

  await page.getByRole("link", { name: "← History" }).click();
  await expect(page.getByRole("heading", { name: "History" })).toBeVisible();
  const left = await toolsCalls();
  // Three poll intervals: a page still following would have asked again by now.
  await page.waitForTimeout(3 * GUEST_POLL_MS);
  expect(await toolsCalls()).toBe(left);
  await simPatchVm(simUrl, clone.vm, { tools_running: true });
});
