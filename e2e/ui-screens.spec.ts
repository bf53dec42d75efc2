import path from "node:path";

import type { Page } from "@playwright/test";

import { expect, test, uniqueName, USERS } from "./fixtures";
import { chooseSource, loginThroughPage, openForm, seriousAxeViolations } from "./ui-helpers";

// axe on every page in both colour schemes at 1280 and 390 px; with UPDATE_SCREENSHOTS=1 the
// run also refreshes the screenshot set in public/screenshots/ (README shows them).

// Seven pages through axe each: about 40 s on a quiet machine, over 60 s on a loaded one.
test.describe.configure({ timeout: 180_000 });

const shots = path.resolve(__dirname, "..", "public", "screenshots");
const update = process.env.UPDATE_SCREENSHOTS === "1";

async function shot(page: Page, file: string) {
  if (update) await page.screenshot({ path: path.join(shots, file) });
}

for (const scheme of ["light", "dark"] as const)
  for (const width of [1280, 390])
    test(`axe finds nothing serious on any page (${scheme}, ${width} px)`, async ({ page }) => {
      const suffix = `${scheme}${width === 1280 ? "" : `-${width}`}`;
      await page.setViewportSize({ width, height: width === 1280 ? 900 : 844 });
      await page.emulateMedia({ colorScheme: scheme });
      const axe = async (where: string) =>
        expect(await seriousAxeViolations(page), where).toEqual([]);

      await page.goto("/");
      await axe("environments");
      await page.goto("/e/sim/login");
      await axe("login");
      await shot(page, `login-${suffix}.png`);

      await loginThroughPage(page, USERS.admin);
      await openForm(page);
      await chooseSource(page, "dev-ubuntu-01");
      await page.getByLabel("Name", { exact: true }).fill("web-07");
      await axe("form");
      await page.evaluate(() => window.scrollTo(0, 0));
      await shot(page, `clone-form-${suffix}.png`);

      // An open picker.
      const folder = page.getByRole("combobox", { name: "Folder" });
      await folder.click();
      await expect(page.getByRole("listbox", { name: "Folder" })).toBeVisible();
      await axe("open picker");
      await folder.scrollIntoViewIfNeeded();
      await shot(page, `picker-${suffix}.png`);
      await page.keyboard.press("Escape");

      // A failed submit: the summary, the fields, the stack.
      await page.getByLabel("Name", { exact: true }).fill("dev-app-01");
      await page.getByRole("button", { name: "Instant clone" }).click();
      await expect(
        page.getByRole("alert").filter({ hasText: "The clone was not made" }),
      ).toBeFocused();
      await axe("failed submit");
      await shot(page, `error-summary-${suffix}.png`);

      // A clone made, then the history and the operation.
      await page.getByLabel("Name", { exact: true }).fill(uniqueName("ui-shot"));
      await page.getByRole("button", { name: "Instant clone" }).click();
      await expect(page.getByRole("heading", { name: "Clone created" })).toBeFocused();
      await axe("result");
      await shot(page, `clone-result-${suffix}.png`);
      await page.goto("/e/sim/history");
      await expect(page.getByRole("link", { name: /ui-shot/ }).first()).toBeVisible();
      await axe("history");
      await shot(page, `history-${suffix}.png`);
      await page
        .getByRole("link", { name: /ui-shot/ })
        .first()
        .click();
      await expect(page.getByRole("link", { name: "Clone again with these values" })).toBeVisible();
      await axe("operation");
    });
