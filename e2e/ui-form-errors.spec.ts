import { expect, test, uniqueName, USERS } from "./fixtures";
import {
  choose,
  chooseSource,
  countCloneRequests,
  deviceRow,
  errorStack,
  errorSummary,
  loginThroughPage,
  openForm,
  seriousAxeViolations,
  vmsNamed,
} from "./ui-helpers";

// A failed submit is seen: focus moves to a summary in view that names every problem and links
// to its field; vCenter's refusals that name a field are shown on that field; and the advice
// under the error follows the cause in vCenter's message stack.

test("an empty submit: the summary takes the focus, in page order, and leads to each field", async ({
  page,
}) => {
  await loginThroughPage(page, USERS.admin);
  await openForm(page);
  const clones = countCloneRequests(page);
  await page.getByRole("button", { name: "Instant clone" }).press("Enter");
  const summary = errorSummary(page);
  await expect(summary).toBeFocused();
  await expect(summary).toBeInViewport();
  const links = summary.getByRole("link");
  await expect(links).toHaveText(["Source VM", "Name"]);
  await page.keyboard.press("Tab");
  await expect(links.first()).toBeFocused();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Name", { exact: true })).toBeFocused();
  await expect(page.getByLabel("Name", { exact: true })).toBeInViewport();
  expect(clones()).toBe(0);
  expect(await seriousAxeViolations(page)).toEqual([]);
});

test("a vCenter refusal that names the datastore is shown on Datastore and in the summary", async ({
  page,
}) => {
  await loginThroughPage(page, USERS.admin);
  await openForm(page);
  const name = uniqueName("ui-ds");
  await chooseSource(page, "dev-ubuntu-01"); // runs on esx-a2
  await page.getByLabel("Name", { exact: true }).fill(name);
  await choose(page, "Datastore", "local-esx-b1"); // esx-b1 only
  await page.getByRole("button", { name: "Instant clone" }).click();
  const summary = errorSummary(page);
  await expect(summary).toBeFocused();
  await expect(summary).toContainText(/Datastore: Datastore 'local-esx-b1' .* is not accessible/);
  const datastore = page.getByRole("combobox", { name: "Datastore" });
  await expect(datastore).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("region", { name: "Placement" }).getByRole("alert")).toContainText(
    "not accessible from",
  );
  await summary.getByRole("link", { name: "Datastore" }).click();
  await expect(datastore).toBeFocused();
  expect(await vmsNamed(page, name)).toEqual([]);
});

test("a connected port's backing: advice for that cause, and following it makes the clone", async ({
  page,
}) => {
  await loginThroughPage(page, USERS.admin);
  await openForm(page);
  const name = uniqueName("ui-port");
  await chooseSource(page, "lab-serial-01"); // its serial port 2 is connected
  await page.getByLabel("Name", { exact: true }).fill(name);
  const port = deviceRow(page, /Serial port 2/);
  await port.getByLabel("Backing").selectOption("FILE");
  await port.getByLabel("File").fill(`[local-esx-b1] ${name}/serial.log`);
  await page.getByRole("button", { name: "Instant clone" }).click();

  const stack = errorStack(page);
  await expect(stack).toContainText("NOT_ALLOWED_IN_CURRENT_STATE");
  await expect(stack).toContainText("A connected port's backing cannot change");
  await expect(stack).not.toContainText("powered on, or frozen");
  await expect(errorSummary(page)).toContainText(/Serial port 2.*Backing/);
  await expect(port.getByLabel("Backing")).toHaveAttribute("aria-invalid", "true");

  // What the old advice suggested does not help: vCenter still refuses.
  await port.getByLabel("Start connected").selectOption("false");
  await page.getByRole("button", { name: "Instant clone" }).click();
  await expect(errorSummary(page)).toBeFocused();
  await expect(stack).toContainText("cannot be changed while the virtual machine is powered on");
  expect(await vmsNamed(page, name)).toEqual([]);

  // What the advice says does: leave the port's backing as it is.
  await page.getByRole("button", { name: /^Reset Serial port 2/ }).click();
  await page.getByRole("button", { name: "Instant clone" }).click();
  await expect(page.getByRole("region", { name: "Clone created" })).toContainText(name);
  expect(await vmsNamed(page, name)).toHaveLength(1);
});
