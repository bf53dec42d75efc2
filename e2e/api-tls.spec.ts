import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { type RunningSimulator, startSimulator } from "../lib/simulator";

import { type ConsoleProcess, consoleHome, startConsole } from "./console-process";
import { expect, test } from "./fixtures";
import { e2ePort } from "./ports";

// Issue 5: TLS per environment. One simulator over HTTPS with its own CA, and three
// environments of one console pointing at it: with the CA (caFile), without it, and with
// verification switched off (insecure), which works but says so on every page.
test.describe.configure({ mode: "serial", timeout: 120_000 });

const PORT = e2ePort(13120);
const WITH_CA = { id: "tls-ca", label: "TLS with its CA" };
const WITHOUT_CA = { id: "tls-plain", label: "TLS without a CA" };
const INSECURE = { id: "tls-insecure", label: "TLS unverified" };
const WARNING = "TLS verification is off for this environment.";

let sim: RunningSimulator;
let app: ConsoleProcess;

test.beforeAll(async () => {
  const caFile = path.join(mkdtempSync(path.join(tmpdir(), "icc-tls-")), "ca.pem");
  sim = await startSimulator({ port: 0, tls: true, caFile, quiet: true });
  expect(sim.url).toMatch(/^https:/);
  app = await startConsole(
    consoleHome([
      { ...WITH_CA, url: sim.url, caFile },
      { ...WITHOUT_CA, url: sim.url },
      { ...INSECURE, url: sim.url, insecure: true },
    ]),
    PORT,
  );
});
test.afterAll(async () => {
  await app?.stop();
  await sim?.close();
});

for (const env of [WITH_CA, INSECURE])
  test(`${env.label}: login works and the VMs list`, async ({ playwright }) => {
    const { api, res } = await app.login(playwright.request, env.id);
    expect(res.status(), await res.text()).toBe(200);
    const vms = await api.get(`/api/environments/${env.id}/vms?q=dev-ubuntu-01`);
    expect(vms.status(), await vms.text()).toBe(200);
    expect(await vms.json()).toMatchObject({ items: [{ vm: "vm-1005", name: "dev-ubuntu-01" }] });
    await api.dispose();
  });

test("without caFile the certificate is refused with a 502 that says to set caFile", async ({
  playwright,
}) => {
  const { api, res } = await app.login(playwright.request, WITHOUT_CA.id);
  expect(res.status()).toBe(502);
  const { error } = (await res.json()) as { error: { origin: string; message: string } };
  expect(error.origin).toBe("network");
  expect(error.message).toMatch(/certificate/i);
  expect(error.message).toMatch(/set caFile/);
  // Not logged in: no session cookie came back.
  expect(res.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie")).toEqual([]);
  await api.dispose();
});

test("every page of the insecure environment shows the warning band, and only there", async ({
  page,
}) => {
  for (const pathname of [`/e/${INSECURE.id}`, `/e/${INSECURE.id}/login`]) {
    await page.goto(`${app.url}${pathname}`);
    await expect(page.getByText(WARNING), pathname).toBeVisible();
  }
  await page.goto(`${app.url}/e/${WITH_CA.id}`);
  // The page has rendered (its header names the environment) before the band's absence counts.
  await expect(page.getByText(WITH_CA.label, { exact: true })).toBeVisible();
  await expect(page.getByText(WARNING)).toHaveCount(0);
});
