import type { Page } from "@playwright/test";

import { expect, test, uniqueName, USERS } from "./fixtures";
import { PASSWORD } from "./users";
import { chooseSource, loginThroughPage, openForm } from "./ui-helpers";

// Keyboard and small screens: no focused field under the sticky submit bar, a skip link, nothing
// wider than a phone, history as cards, and a login page that starts in Username and says
// plainly when the password is wrong.

/** Tabs through the whole form; returns the tab stops that ended up under the submit bar. */
async function stopsUnderSubmitBar(page: Page): Promise<string[]> {
  const hidden: string[] = [];
  const submit = page.getByRole("button", { name: "Instant clone" });
  await page.getByRole("combobox", { name: "Source VM" }).focus();
  for (let i = 0; i < 200; i++) {
    if (await submit.evaluate((el) => el === document.activeElement)) break;
    const under = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      const bar = document
        .querySelector('button[type="submit"]')
        ?.closest("div") as HTMLElement | null;
      if (!el || !bar || bar.contains(el)) return null;
      const r = el.getBoundingClientRect();
      const b = bar.getBoundingClientRect();
      return r.bottom > b.top + 1
        ? `${el.tagName} ${el.getAttribute("aria-label") ?? el.id ?? el.textContent}`
        : null;
    });
    if (under) hidden.push(under);
    await page.keyboard.press("Tab");
  }
  return hidden;
}

for (const viewport of [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
])
  test(`no focused field hides under the sticky submit bar at ${viewport.width} px`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await loginThroughPage(page, USERS.admin);
    await openForm(page);
    await chooseSource(page, "lab-serial-01"); // two NICs, two serial ports, one parallel
    await expect(page.getByRole("group", { name: /Serial port 2/ })).toBeVisible();
    expect(await stopsUnderSubmitBar(page)).toEqual([]);
  });

test("a skip link is the first tab stop and leads to the form", async ({ page }) => {
  await loginThroughPage(page, USERS.admin);
  await openForm(page);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to the form" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("combobox", { name: "Source VM" })).toBeFocused();
});

test("at 390 px nothing is wider than the screen, and history shows as cards", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const fits = async () => {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
  };
  await page.goto("/");
  await fits();
  await page.goto("/e/sim/login");
  await fits();
  await loginThroughPage(page, USERS.admin);
  await openForm(page);
  await chooseSource(page, "lab-serial-01");
  await fits();
  const logout = page.getByRole("button", { name: "Log out" });
  await expect(logout).toBeInViewport({ ratio: 1 });
  // The result, with its long-named links.
  await page
    .getByLabel("Name", { exact: true })
    .fill(uniqueName("ui-narrow-result-with-a-long-name"));
  await page.getByRole("button", { name: "Instant clone" }).click();
  const result = page.getByRole("region", { name: "Clone created" });
  await expect(result).toBeVisible();
  await fits();
  for (const link of await result.getByRole("link").all()) {
    const box = await link.boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(390);
  }

  await page.goto("/e/sim/history");
  await expect(
    page.getByRole("list", { name: "Instant-clone submissions, newest first" }),
  ).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
  await fits();
});

test("the login page starts in Username, says a wrong password is wrong, and hides Clone and History", async ({
  page,
}) => {
  await page.goto("/e/sim/login");
  await expect(page.getByLabel("Username")).toBeFocused();
  const nav = page.getByRole("navigation", { name: "Environment" });
  await expect(nav.getByRole("link", { name: "Clone" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "History" })).toHaveCount(0);

  await page.keyboard.type(USERS.admin);
  await page.keyboard.press("Tab");
  await page.keyboard.type(`${PASSWORD}-wrong`);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("alert").filter({ hasText: "Login failed" })).toContainText(
    "wrong user name or password",
  );

  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("combobox", { name: "Source VM" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Clone" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "History" })).toBeVisible();
});
