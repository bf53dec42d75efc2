import type { APIRequestContext, Page } from "@playwright/test";

import { type RunningSimulator, startSimulator } from "../lib/simulator";

import { type ConsoleProcess, consoleHome, startConsole } from "./console-process";
import { simClearFaults, simFault, simLogin, simSessions } from "./direct-simulator";
import { expect, loginAs, test, USERS } from "./fixtures";
import { e2ePort, simUrl } from "./ports";

// Issue 11: the form page comes with its session check and the Source VM picker's first page,
// read on the server under the session cookie, so the browser asks for neither after load.
// A vCenter that answers late only takes that away: the page renders without it, as before.
test.describe.configure({ timeout: 120_000 });

const FIRST_PAGE = "/api/environments/sim/vms?limit=50&power_state=POWERED_ON";

/** The console API calls of `env` the page sends from now on, as "GET /vms?…". */
function apiCalls(page: Page, env: string): string[] {
  const sent: string[] = [];
  const prefix = `/api/environments/${env}`;
  page.on("request", (req) => {
    const url = new URL(req.url());
    if (url.pathname.startsWith(prefix))
      sent.push(`${req.method()} ${url.pathname.slice(prefix.length)}${url.search}`);
  });
  return sent;
}

/** The session cookie of `env` an API context holds, for a browser context to carry. */
async function sessionCookie(api: APIRequestContext, env: string) {
  const cookie = (await api.storageState()).cookies.find((c) => c.name === `icc_${env}`);
  expect(cookie, "logged in").toBeDefined();
  return cookie!;
}

test("the form's HTML holds the first VM page; the browser then asks neither for it nor for the session", async ({
  playwright,
  page,
}) => {
  const admin = await loginAs(playwright, USERS.admin);
  const first = await admin.get(FIRST_PAGE);
  expect(first.status()).toBe(200);
  const { items } = (await first.json()) as { items: { name: string }[] };
  expect(items.length).toBeGreaterThan(1);
  const last = items.at(-1)!.name;

  const cookie = await sessionCookie(admin, "sim");
  const answer = await admin.get("/e/sim");
  // The HTML now holds the operator's inventory: no cache on the way may keep it.
  expect(answer.headers()["cache-control"]).toMatch(/no-store/);
  const html = await answer.text();
  // The page's own render, with the session's answer: the form, not "Checking your session".
  expect(html).toContain("Source VM");
  expect(html).not.toContain("Checking your vCenter session");
  for (const { name } of items) expect(html).toContain(name);
  // Neither the sealed cookie nor any vCenter session token reaches the HTML.
  expect(html).not.toContain(cookie.value);
  for (const { token } of await simSessions(simUrl)) expect(html).not.toContain(token);
  // Without a login the same page holds none of it (so the names above came with the session).
  // (The browser context holds no cookie yet.)
  const loggedOut = await (await page.request.get("/e/sim")).text();
  expect(loggedOut).toContain("Checking your vCenter session");
  expect(loggedOut).not.toContain(last);

  // In Chromium: the form is usable and the picker lists the page at once, with no request.
  await page.context().addCookies([cookie]);
  const sent = apiCalls(page, "sim");
  await page.goto("/e/sim");
  await expect(page.getByLabel("Name", { exact: true })).toBeEditable();
  const source = page.getByRole("combobox", { name: "Source VM" });
  await source.click();
  await expect(page.getByRole("option", { name: new RegExp(`^${last}\\b`) })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Environment" })).toContainText(
    /administrator/i,
  );
  expect(sent.filter((call) => call.startsWith("GET /vms"))).toEqual([]);
  expect(sent.filter((call) => call.startsWith("GET /session"))).toEqual([]);

  // The picker still searches from the browser as it did.
  await source.fill(last);
  await expect(page.getByRole("option", { name: new RegExp(`^${last}\\b`) })).toBeVisible();
  await expect
    .poll(() => sent.filter((call) => call.startsWith("GET /vms")))
    .toContainEqual(expect.stringContaining(`q=${encodeURIComponent(last)}`));
  await admin.dispose();
});

test("an answer that arrives while the browser hydrates the page is never drawn into it (no React #418)", async ({
  playwright,
  page,
}) => {
  const admin = await loginAs(playwright, USERS.admin);
  await page.context().addCookies([await sessionCookie(admin, "sim")]);
  // The folders, answered at once from a copy, while a main thread slowed 6× hydrates the page:
  // a query sent from the first render (as the folders' prefetch was) answered between two
  // slices of the hydration, and the picker drew a list the server's HTML did not hold. About one
  // load in two failed so under a loaded machine; here each load gives it the chance.
  const folders = await (await admin.get("/api/environments/sim/folders?limit=50")).text();
  await page.route("**/api/environments/sim/folders**", (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body: folders }),
  );
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 6 });
  for (let load = 0; load < 4; load++) {
    await page.goto("/e/sim");
    await expect(page.getByLabel("Name", { exact: true })).toBeEditable({ timeout: 30_000 });
  }
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  expect(errors).toEqual([]);
  await admin.dispose();
});

test.describe("with a vCenter that answers late", () => {
  const PORT = e2ePort(13247);
  const ENV = "late";
  let sim: RunningSimulator;
  let app: ConsoleProcess | undefined;
  let running: string[];

  test.beforeAll(async () => {
    sim = await startSimulator({ port: 0, quiet: true });
    app = await startConsole(consoleHome([{ id: ENV, label: "Late vCenter", url: sim.url }]), PORT);
    const token = await simLogin(sim.url);
    const res = await fetch(`${sim.url}/api/vcenter/vm?power_states=POWERED_ON`, {
      headers: { "vmware-api-session-id": token },
    });
    running = ((await res.json()) as { name: string }[]).map((vm) => vm.name);
    expect(running.length).toBeGreaterThan(0);
  });
  test.afterAll(async () => {
    await app?.stop("SIGKILL");
    await sim?.close();
  });

  test("the page renders without the VM page, and the browser fetches it as before", async ({
    playwright,
    page,
  }) => {
    const { api, res } = await app!.login(playwright.request, ENV);
    expect(res.status()).toBe(200);
    // Every VM list call (the inventory read, by host) waits 5 s: far past what a page waits
    // for vCenter before it renders. The session check and the VM details are not delayed.
    await simFault(sim.url, {
      match: { method: "GET", path: "/api/vcenter/vm?hosts=" },
      kind: "latency",
      ms: 5_000,
      times: 0,
    });
    try {
      const answer = await api.get(`/e/${ENV}`);
      expect(answer.status()).toBe(200);
      const html = await answer.text();
      // The session check (not delayed) came with the page; the VM page did not wait.
      expect(html).toContain("Source VM");
      for (const name of running) expect(html).not.toContain(name);

      await page.context().addCookies([await sessionCookie(api, ENV)]);
      const sent = apiCalls(page, ENV);
      await page.goto(`${app!.url}/e/${ENV}`);
      await expect(page.getByLabel("Name", { exact: true })).toBeEditable();
      await page.getByRole("combobox", { name: "Source VM" }).click();
      await expect(page.getByRole("option", { name: new RegExp(`^${running[0]}\\b`) })).toBeVisible(
        { timeout: 30_000 },
      );
      expect(sent.filter((call) => call.startsWith("GET /vms"))).toHaveLength(1);
    } finally {
      await simClearFaults(sim.url);
      await api.dispose();
    }
  });
});
