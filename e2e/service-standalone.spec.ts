import { type RunningSimulator, startSimulator } from "../lib/simulator";

import { type ConsoleProcess, consoleHome, startConsole } from "./console-process";
import { simVmsNamed } from "./direct-simulator";
import { expect, test, uniqueName, USERS } from "./fixtures";
import { consoleUrl, e2ePort } from "./ports";
import { loginThroughPage } from "./ui-helpers";

// Issue 14: the image runs `node server.js` from Next.js's standalone output, not `next start`.
// This smoke suite runs that very server (with static files and public/ copied beside it, as the
// Dockerfile does) against a simulator: health, readiness, pages with their assets and security
// headers, a login through the page, a clone vCenter then holds, metrics, and a clean stop.
test.describe.configure({ mode: "serial", timeout: 120_000 });

const PORT = e2ePort(13170);
const ENV = "smoke";
let sim: RunningSimulator;
let app: ConsoleProcess;
test.use({ baseURL: `http://127.0.0.1:${PORT}` });

test.beforeAll(async () => {
  sim = await startSimulator({ port: 0, quiet: true });
  const home = consoleHome([{ id: ENV, label: "Standalone smoke", url: sim.url }]);
  app = await startConsole(home, PORT, { CONSOLE_METRICS: "1" }, { standalone: true });
});
test.afterAll(async () => {
  await app?.stop("SIGKILL");
  await sim?.close();
});

test("answers health and readiness", async ({ request }) => {
  const health = await request.get(`${app.url}/api/health`);
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: "ok" });
  const ready = await request.get(`${app.url}/api/ready`);
  expect(ready.status(), await ready.text()).toBe(200);
  expect(await ready.json()).toEqual({ status: "ready" });
  expect(ready.headers()["cache-control"]).toBe("no-store");
});

test("without CONSOLE_METRICS, /api/metrics is the 404 envelope", async ({ request }) => {
  // The suite's shared console runs without the setting.
  const res = await request.get(`${consoleUrl}/api/metrics`);
  expect(res.status()).toBe(404);
  expect(await res.json()).toEqual({
    error: {
      origin: "console",
      status: 404,
      message: "Metrics are off: start the console with CONSOLE_METRICS=1",
    },
  });
});

test("serves the home page with its assets and security headers", async ({ page }) => {
  const failed: string[] = [];
  page.on("response", (res) => {
    if (res.status() >= 400) failed.push(`${res.status()} ${res.url()}`);
  });
  const res = await page.goto(`${app.url}/`);
  expect(res?.status()).toBe(200);
  const headers = res!.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["x-powered-by"]).toBeUndefined();
  await expect(page.getByRole("link", { name: /Standalone smoke/ })).toBeVisible();
  // The page's scripts and styles came from .next/static beside server.js; this from public/.
  const fromPublic = await page.request.get(`${app.url}/screenshots/clone-form-light.png`);
  expect(fromPublic.status()).toBe(200);
  expect(failed).toEqual([]);
});

test("logs in through the page (client scripts run) and clones in the simulator", async ({
  page,
  playwright,
}) => {
  await loginThroughPage(page, USERS.admin, ENV, `/e/${ENV}`);
  expect(new URL(page.url()).port).toBe(String(PORT));
  await expect(page.getByRole("combobox", { name: "Source VM" })).toBeVisible();

  const { api, res } = await app.login(playwright.request, ENV);
  expect(res.status(), await res.text()).toBe(200);
  const name = uniqueName("standalone-smoke");
  const clone = await api.post(`/api/environments/${ENV}/instant-clone`, {
    data: { source: "vm-1005", name },
  });
  expect(clone.status(), await clone.text()).toBe(201);
  const { vm } = (await clone.json()) as { vm: string };
  expect((await simVmsNamed(sim.url, name)).map((v) => v.vm)).toEqual([vm]);

  const metrics = await api.get("/api/metrics");
  expect(metrics.status()).toBe(200);
  expect(metrics.headers()["content-type"]).toContain("text/plain");
  const text = await metrics.text();
  expect(text).toContain(`icc_clones_total{environment="${ENV}",outcome="succeeded"} 1`);
  expect(text).not.toContain(name);
  expect(text).not.toContain(vm);
  await api.dispose();
});

test("stops on SIGTERM with exit code 0", async () => {
  app.signal("SIGTERM");
  expect(await app.exited).toEqual({ code: 0, signal: null });
  expect(app.output()).toMatch(/"kind":"shutdown","event":"stopped"/);
});
