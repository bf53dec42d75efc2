import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page } from "@playwright/test";

import { PASSWORD } from "./fixtures";

// Helpers for the UI specs (ui-*.spec.ts): they drive the console the way an operator does,
// through labels and roles only.

/** Logs in through the login page of `env` and waits to land where `next` points. */
export async function loginThroughPage(page: Page, user: string, env = "sim", next?: string) {
  const target = next ?? `/e/${env}`;
  await page.goto(`/e/${env}/login?next=${encodeURIComponent(target)}`);
  await page.getByLabel("Username").fill(user);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForURL((url) => url.pathname + url.search === target);
}

/** Opens the form of `env`, prefilled from `query`, once the session check has passed. */
export async function openForm(page: Page, env = "sim", query = "") {
  await page.goto(`/e/${env}${query ? `?${query}` : ""}`);
  await expect(page.getByRole("combobox", { name: "Source VM" })).toBeVisible();
}

/** Types into a combobox and picks the option whose name starts with `option`. */
export async function choose(
  scope: Page | Locator,
  label: string,
  search: string,
  option = search,
) {
  const page = "page" in scope ? scope.page() : scope;
  const box = scope.getByRole("combobox", { name: label });
  await box.click();
  await box.fill(search);
  await page
    .getByRole("option", { name: new RegExp(`^${escapeRegExp(option)}\\b`) })
    .first()
    .click();
  await expect(page.getByRole("listbox")).toBeHidden();
}

/** Picks the source VM; `all` first turns on the switch that lists powered-off VMs too. */
export async function chooseSource(page: Page, name: string, { all = false } = {}) {
  if (all) await page.getByRole("switch", { name: /Show all VMs/ }).check();
  await choose(page, "Source VM", name);
  // The source's devices are loaded once its summary shows.
  await expect(page.getByText(/\d+ NICs? · \d+ serial · \d+ parallel/)).toBeVisible();
}

/** A NIC, serial or parallel port row: the group named after the device. */
export const deviceRow = (page: Page, name: string | RegExp) => page.getByRole("group", { name });

/** The error stack of the last submission. */
export const errorStack = (page: Page) =>
  page.getByRole("alert").filter({ hasText: "Instant clone failed" });

/** The vCenter messages of an error stack, top first, as rendered. */
export async function renderedMessages(stack: Locator): Promise<string[]> {
  const items = stack.getByRole("list", { name: "vCenter messages" }).getByRole("listitem");
  return items.evaluateAll((nodes) =>
    nodes.map((node) => node.querySelectorAll("p")[1]?.textContent ?? ""),
  );
}

/** Serious and critical axe violations of the page as it stands. */
export async function seriousAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

/** The VMs named exactly `name` that vCenter (the simulator, read through the console) holds. */
export async function vmsNamed(page: Page, name: string, env = "sim") {
  const res = await page.request.get(
    `/api/environments/${env}/vms?q=${encodeURIComponent(name)}&limit=50`,
  );
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { items: { vm: string; name: string }[] };
  return body.items.filter((item) => item.name === name);
}

/** Counts the instant-clone requests the page sends from now on. */
export function countCloneRequests(page: Page): () => number {
  let count = 0;
  page.on("request", (request) => {
    if (request.url().endsWith("/instant-clone") && request.method() === "POST") count++;
  });
  return () => count;
}

/** The error summary a failed submit shows. */
export const errorSummary = (page: Page) =>
  page.getByRole("alert").filter({ hasText: "The clone was not made" });

/** The id of a VM, looked up by exact name through the console API (the page's own session). */
export async function vmIdByName(page: Page, name: string, env = "sim"): Promise<string> {
  const res = await page.request.get(
    `/api/environments/${env}/vms?q=${encodeURIComponent(name)}&limit=50`,
  );
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { items: { vm: string; name: string }[] };
  const vm = body.items.find((item) => item.name === name);
  expect(vm, `VM ${name} in ${env}`).toBeDefined();
  return vm!.vm;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Leaves the page for the environment's History, then comes Back to it. */
export async function leaveForHistoryAndBack(page: Page) {
  await page
    .getByRole("navigation", { name: "Environment" })
    .getByRole("link", { name: "History" })
    .click();
  await expect(page).toHaveTitle(/^History/);
  await page.goBack();
}
