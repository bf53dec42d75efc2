import { expect, test, uniqueName, USERS } from "./fixtures";
import { loginThroughPage, seriousAxeViolations, vmIdByName } from "./ui-helpers";

// The history pages: every submission listed with its outcome, one submission in full, and
// "Clone again" back into the form with the same values.

test("history lists a success and a failure; an operation shows its error and clones again", async ({
  page,
}) => {
  await loginThroughPage(page, USERS.admin);
  const source = await vmIdByName(page, "dev-ubuntu-01");
  const good = uniqueName("ui-hist-ok");
  const bad = uniqueName("ui-hist-bad");
  const ok = await page.request.post("/api/environments/sim/instant-clone", {
    data: { source, name: good, placement: { folder: "group-v33" } },
  });
  expect(ok.status()).toBe(201);
  const failed = await page.request.post("/api/environments/sim/instant-clone", {
    data: { source, name: bad, placement: { datastore: "datastore-24" } },
  });
  expect(failed.status()).toBe(400);

  await page.goto("/e/sim/history");
  await expect(page).toHaveTitle(/^History · /);
  const goodRow = page.getByRole("row").filter({ hasText: good });
  const badRow = page.getByRole("row").filter({ hasText: bad });
  await expect(goodRow).toContainText("Succeeded");
  await expect(badRow).toContainText("Failed");
  expect(await seriousAxeViolations(page)).toEqual([]);

  await page.getByRole("combobox", { name: "Outcome" }).selectOption("failed");
  await expect(page).toHaveURL(/outcome=failed/);
  await expect(goodRow).toHaveCount(0);
  await expect(badRow).toBeVisible();

  await badRow.getByRole("link").click();
  await expect(page).toHaveTitle(/^Operation · /);
  await expect(
    page.getByRole("alert").filter({ hasText: "What vCenter or the console answered" }),
  ).toContainText("INVALID_ARGUMENT");
  await expect(page.getByText('"datastore": "datastore-24"')).toBeVisible();
  expect(await seriousAxeViolations(page)).toEqual([]);

  await page.getByRole("link", { name: "Clone again with these values" }).click();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(bad);
  await expect(page.getByRole("combobox", { name: "Source VM" })).toHaveValue("dev-ubuntu-01");
});

test("the history page asks for a login first and comes back", async ({ page }) => {
  await page.goto("/e/sim/history");
  await expect(page).toHaveURL(/\/e\/sim\/login\?next=%2Fe%2Fsim%2Fhistory/);
});
