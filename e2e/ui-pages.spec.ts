import { expect, test, USERS } from "./fixtures";
import { simUrl } from "./ports";
import { loginThroughPage, openForm, seriousAxeViolations } from "./ui-helpers";

// The pages around the form: environments, login, the environment's band and title, and axe.

test("the home page lists each environment with its label, host and kind", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Instant Clone Console" })).toBeVisible();
  const sim = page.getByRole("link", { name: /Simulator \(e2e\)/ });
  await expect(sim).toContainText(new URL(simUrl).host);
  await expect(sim).toContainText("vcenter");
  await expect(page.getByRole("link", { name: /Lab \(embedded simulator\)/ })).toContainText(
    "simulator",
  );
  await sim.click();
  await expect(page).toHaveURL(/\/e\/sim\/login\?next=%2Fe%2Fsim$/);
});

test("a logged-out operator is sent to login and comes back to the same link", async ({ page }) => {
  await page.goto("/e/sim?name=from-a-bookmark");
  await expect(page).toHaveURL(/\/e\/sim\/login\?next=/);
  await expect(page).toHaveTitle("Log in · Simulator (e2e)");
  await page.getByLabel("Username").fill(USERS.admin);
  await page.getByLabel("Password", { exact: true }).fill("VMware1!");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/e\/sim\?name=from-a-bookmark$/);
  await expect(page).toHaveTitle("Instant clone · Simulator (e2e)");
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("from-a-bookmark");
  // vCenter names the user its own way (VSPHERE.LOCAL\\Administrator).
  await expect(page.getByText(/Logged in as .*Administrator/i)).toBeVisible();
});

test("a simulator environment's login page lists the sample users, and Use fills the form", async ({
  page,
}) => {
  await page.goto("/e/lab/login");
  const users = page.getByRole("table", { name: "Simulator users" });
  for (const user of Object.values(USERS)) await expect(users).toContainText(user);
  await page.getByRole("button", { name: `Use ${USERS.operator}` }).click();
  await expect(page.getByLabel("Username")).toHaveValue(USERS.operator);
  await expect(page.getByLabel("Password", { exact: true })).toHaveValue("VMware1!");
});

test("a wrong password is refused with vCenter's error, on the login page", async ({ page }) => {
  await page.goto("/e/sim/login");
  await expect(page.getByRole("table", { name: "Simulator users" })).toHaveCount(0);
  await page.getByLabel("Username").fill(USERS.admin);
  await page.getByLabel("Password", { exact: true }).fill("wrong");
  await page.getByRole("button", { name: "Log in" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "Login failed" });
  await expect(alert).toContainText("HTTP 401");
  await expect(alert).toContainText("Check the user name and password");
  await expect(page).toHaveURL(/\/e\/sim\/login/);
});

test("an environment's colour is a band on every page of it", async ({ page }) => {
  await page.goto("/e/sim/login");
  await expect(page.getByTestId("environment-color-band")).toHaveCSS(
    "background-color",
    "rgb(0, 128, 128)",
  );
  await loginThroughPage(page, USERS.admin);
  await expect(page.getByTestId("environment-color-band")).toBeVisible();
  await page.goto("/e/lab/login");
  await expect(page.getByTestId("environment-color-band")).toHaveCount(0);
});

test("an unknown environment is a not-found page", async ({ page }) => {
  const res = await page.goto("/e/nope");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
});

for (const scheme of ["light", "dark"] as const) {
  test(`axe finds nothing serious on any page (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto("/");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.goto("/e/sim/login");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await loginThroughPage(page, USERS.admin);
    await openForm(page);
    expect(await seriousAxeViolations(page)).toEqual([]);
    // With every section drawn and errors showing.
    await page.getByRole("combobox", { name: "Source VM" }).fill("lab-serial-01");
    await page.getByRole("option", { name: /^lab-serial-01\b/ }).click();
    await expect(page.getByRole("group", { name: /Serial port 2/ })).toBeVisible();
    await page.getByRole("button", { name: "Instant clone" }).click();
    await expect(page.getByText("Name is required", { exact: true })).toBeVisible();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
}
