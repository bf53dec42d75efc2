import type { Page } from "@playwright/test";

import { type RunningSimulator, startSimulator } from "../lib/simulator";

import { type ConsoleProcess, consoleHome, startConsole } from "./console-process";
import { simLogin } from "./direct-simulator";
import { expect, test, uniqueName, USERS } from "./fixtures";
import { e2ePort } from "./ports";
import {
  chooseSource,
  deviceRow,
  loginThroughPage,
  openForm,
  seriousAxeViolations,
} from "./ui-helpers";

// Issue 10 item 5 and 8, issue 11: the placement pickers offer what can work for the source
// (pools on its host, folders, datastores and networks of its datacenter), folders with their
// path and pools with their cluster, "Same as source" names what it keeps, each list says how
// old it is, and the result names where vCenter put the clone. The simulator is this spec's own:
// more folders (1,500) and port groups (1,200) than vCenter lists in one answer, and a second
// datacenter.
test.describe.configure({ timeout: 180_000 });

const PORT = e2ePort(13220);
const ENV = "placement-site";
let sim: RunningSimulator;
let app: ConsoleProcess | undefined;
let token: string;

test.beforeAll(async () => {
  sim = await startSimulator({
    port: 0,
    quiet: true,
    extraVmFolders: 1500,
    extraNetworks: 1200,
    secondDatacenter: true,
  });
  app = await startConsole(
    consoleHome([{ id: ENV, label: "Placement site", url: sim.url, timeoutMs: 10_000 }]),
    PORT,
  );
  token = await simLogin(sim.url);
});
test.afterAll(async () => {
  await app?.stop("SIGKILL");
  await sim?.close();
});

/** vCenter's own answer to a GET, straight from the simulator. */
async function simGet<T>(path: string): Promise<T> {
  const res = await fetch(`${sim.url}${path}`, { headers: { "vmware-api-session-id": token } });
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

/** The names of the options of an open picker, without the "Same as source" one. */
async function optionNames(page: Page): Promise<string[]> {
  const texts = await page.getByRole("listbox").getByRole("option").allInnerTexts();
  return texts
    .map((t) => t.split("\n")[0].replace(/^✓ /, ""))
    .filter((t) => !t.startsWith("Same as source"));
}

async function openPicker(page: Page, label: string) {
  const box = page.getByRole("combobox", { name: label });
  await box.click();
  await expect(page.getByRole("listbox", { name: label })).toBeVisible();
  return box;
}

async function closePicker(page: Page) {
  await page.keyboard.press("Escape");
  await expect(page.getByRole("listbox")).toBeHidden();
}

async function ready(page: Page, source: string) {
  await loginThroughPage(page, USERS.admin, ENV);
  await openForm(page, ENV);
  await chooseSource(page, source);
}

test("for a DC1 source: pools of its host, its datacenter's lists, folder paths, Same as source named, and the clone lands in a deep folder among 1,500", async ({
  browser,
}) => {
  const context = await browser.newContext({ baseURL: app!.url });
  const page = await context.newPage();
  await ready(page, "prod-web-01"); // host-9 (Cluster-A), DC1, folder Prod, pool Prod, nfs-shared-01
  const name = uniqueName("ui-deep-folder");
  await page.getByLabel("Name", { exact: true }).fill(name);

  // "Same as source" names what it stands for.
  const folder = page.getByRole("combobox", { name: "Folder" });
  await expect(folder).toHaveValue("Same as source (Prod)");
  await expect(page.getByRole("combobox", { name: "Resource pool" })).toHaveValue(
    "Same as source (Prod)",
  );
  await expect(page.getByRole("combobox", { name: "Datastore" })).toHaveValue(
    "Same as source (nfs-shared-01)",
  );

  // Resource pools: those vCenter lists for the source's host, each with its cluster.
  const onHost = await simGet<{ resource_pool: string; name: string }[]>(
    "/api/vcenter/resource-pool?hosts=host-9",
  );
  await openPicker(page, "Resource pool");
  expect((await optionNames(page)).sort()).toEqual(onHost.map((p) => p.name).sort());
  await expect(page.getByRole("option", { name: /^Resources\b/ })).toContainText("Cluster-A");
  await expect(page.getByRole("option", { name: /^Lab\b/ })).toHaveCount(0); // Cluster-B's
  await closePicker(page);
  await expect(page.getByText(/Pools on the source's host \(host-9\)/)).toBeVisible();

  // Datastores: the source's datacenter's only, and the help says REST can do no finer.
  const dc1Datastores = await simGet<{ name: string }[]>(
    "/api/vcenter/datastore?datacenters=datacenter-2",
  );
  await openPicker(page, "Datastore");
  expect((await optionNames(page)).sort()).toEqual(dc1Datastores.map((d) => d.name).sort());
  await expect(page.getByRole("option", { name: /^vsan-dc2\b/ })).toHaveCount(0);
  await closePicker(page);
  await expect(
    page.getByText(/Datastores of DC1, the source's datacenter: vCenter's REST API cannot narrow/),
  ).toBeVisible();

  // Networks (1,200 more than vCenter lists at once): searched, DC1's only.
  const nic = deviceRow(page, /Network adapter 1/);
  const network = nic.getByRole("combobox", { name: "Network" });
  await network.click();
  await expect(
    page.getByRole("status").filter({ hasText: /^100 of 1,205 matches shown: type to narrow$/ }),
  ).toBeVisible();
  await network.pressSequentially("pg-dc2");
  await expect(page.getByRole("status").filter({ hasText: /Nothing matches/ })).toBeVisible();
  await network.fill("pg-vlan-1199");
  await expect(page.getByRole("option", { name: /^pg-vlan-1199\b/ })).toBeVisible();
  await closePicker(page);
  await expect(nic.getByText(/Networks of DC1, the source's datacenter/)).toBeVisible();

  // Folders (1,500 more than vCenter lists at once): found by search, shown with their path.
  await folder.click();
  await folder.pressSequentially("team-1342");
  const deep = page.getByRole("option", { name: /^Team-1342\b/ });
  await expect(deep).toContainText("DC1 / Teams / Teams-14 / Team-1342");
  await deep.click();
  await expect(folder).toHaveValue("Team-1342");

  // Each list says how old it is, and Refresh asks the console for a fresh read.
  await expect(page.getByText(/^Folder list as of (just now|\d+ s ago)$/)).toBeVisible();
  const refreshed = page.waitForRequest(
    (r) => r.url().includes("/folders?") && new URL(r.url()).searchParams.get("refresh") === "1",
  );
  await page.getByRole("button", { name: "Refresh the folders" }).click();
  await refreshed;
  await expect(page.getByRole("button", { name: "Refresh the folders" })).toBeEnabled();
  expect(await seriousAxeViolations(page)).toEqual([]);

  const response = page.waitForResponse((r) => r.url().endsWith("/instant-clone"));
  await page.getByRole("button", { name: "Instant clone" }).click();
  expect((await response).status()).toBe(201);
  const { vm } = (await (await response).json()) as { vm: string };

  // The result names the placement it got, read from the made VM.
  const result = page.getByRole("region", { name: "Clone created" });
  await expect(result).toContainText("DC1 / Teams / Teams-14 / Team-1342 (group-v51342)");
  await expect(result).toContainText("Prod · Cluster-A (resgroup-27)");
  await expect(result).toContainText("nfs-shared-01 (datastore-11)");
  await expect(result).not.toContainText("Same as source");

  // vCenter holds the clone there.
  const inFolder = await simGet<{ vm: string }[]>(
    `/api/vcenter/vm?names=${encodeURIComponent(name)}&folders=group-v51342&resource_pools=resgroup-27&hosts=host-9`,
  );
  expect(inFolder.map((v) => v.vm)).toEqual([vm]);
  const info = await simGet<{ disks: Record<string, { backing: { vmdk_file: string } }> }>(
    `/api/vcenter/vm/${vm}`,
  );
  expect(Object.values(info.disks)[0].backing.vmdk_file).toMatch(/^\[nfs-shared-01\] /);
  await context.close();
});

test("for a DC2 source: only DC2's folders, pools and datastores, and an unset placement is named in the result", async ({
  browser,
}) => {
  const context = await browser.newContext({ baseURL: app!.url });
  const page = await context.newPage();
  await ready(page, "dc2-web-01");
  const name = uniqueName("ui-dc2");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await expect(page.getByRole("combobox", { name: "Folder" })).toHaveValue("Same as source (Web)");

  const dc2 = (
    await simGet<{ datacenter: string; name: string }[]>("/api/vcenter/datacenter")
  ).find((d) => d.name === "DC2")!.datacenter;
  const dc2Folders = await simGet<{ name: string }[]>(
    `/api/vcenter/folder?type=VIRTUAL_MACHINE&datacenters=${dc2}`,
  );
  await openPicker(page, "Folder");
  expect((await optionNames(page)).sort()).toEqual(dc2Folders.map((f) => f.name).sort());
  await expect(page.getByRole("option", { name: /^Web\b/ })).toContainText("DC2 / Linux / Web");
  await closePicker(page);

  await openPicker(page, "Datastore");
  expect(await optionNames(page)).toEqual(["vsan-dc2"]);
  await closePicker(page);
  await openPicker(page, "Resource pool");
  expect((await optionNames(page)).sort()).toEqual(["Resources", "Web"]);
  await expect(page.getByRole("option", { name: /^Web\b/ })).toContainText("Cluster-C");
  await closePicker(page);

  const response = page.waitForResponse((r) => r.url().endsWith("/instant-clone"));
  await page.getByRole("button", { name: "Instant clone" }).click();
  expect((await response).status()).toBe(201);
  const { vm } = (await (await response).json()) as { vm: string };
  const result = page.getByRole("region", { name: "Clone created" });
  const [web] = await simGet<{ folder: string }[]>(
    `/api/vcenter/folder?names=Web&datacenters=${dc2}`,
  );
  await expect(result).toContainText(`DC2 / Linux / Web (${web.folder})`);
  await expect(result).toContainText("Web · Cluster-C");
  await expect(result).toContainText("vsan-dc2");
  expect(
    (
      await simGet<{ vm: string }[]>(
        `/api/vcenter/vm?names=${encodeURIComponent(name)}&folders=${web.folder}`,
      )
    ).map((v) => v.vm),
  ).toEqual([vm]);
  await context.close();
});
