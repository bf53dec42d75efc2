import type { APIRequestContext, APIResponse } from "@playwright/test";

import { type ConsoleProcess, consoleHome, startConsole } from "./console-process";
import { expect, test } from "./fixtures";
import {
  hostileCloneBodies,
  hostileIds,
  hostileLoginBodies,
  hostileOperationQueries,
  hostileVmQueries,
} from "./hostile-inputs";
import { residentMemoryOfPort } from "./process-memory";
import { hostileSimUrl } from "./ports";

// Every answer to hostile input is a 4xx envelope (413 for the oversized body), never a 5xx,
// and the `hostile` simulator sees none of it. Serial: the simulator's call log is checked.
// The suite has a console of its own, so the memory it measures is its own traffic's: the
// shared console also serves the UI specs running beside it.
test.describe.configure({ mode: "serial" });

const PORT = 13140;
let app: ConsoleProcess;
test.beforeAll(async () => {
  app = await startConsole(
    consoleHome([{ id: "hostile", label: "Hostile", url: hostileSimUrl }]),
    PORT,
  );
});
test.afterAll(async () => app?.stop());

const E = "/api/environments/hostile";
const ENV_ROUTES = [
  "session",
  "vms",
  "folders",
  "resource-pools",
  "datastores",
  "networks",
  "instant-clone",
  "operations",
];

type Check = (label: string, res: APIResponse, allowed?: number[]) => Promise<void>;

/** One pass of every hostile request, each answer handed to `check`. */
async function sendAll(api: APIRequestContext, anonymous: APIRequestContext, check: Check) {
  for (const body of hostileCloneBodies())
    await check(
      `clone ${JSON.stringify(body).slice(0, 80)}`,
      await api.post(`${E}/instant-clone`, { data: body as object }),
    );
  for (const body of hostileLoginBodies())
    await check(
      `login ${JSON.stringify(body).slice(0, 80)}`,
      await api.post(`${E}/session`, { data: body as object }),
    );
  for (const q of hostileVmQueries) await check(`vms?${q}`, await api.get(`${E}/vms?${q}`));
  for (const q of hostileOperationQueries)
    await check(`operations?${q}`, await api.get(`${E}/operations?${q}`));
  // Ids with a literal "/" are normalised by any HTTP client before sending; they are sent in bodies above.
  for (const id of hostileIds.filter((i) => !i.includes("/"))) {
    await check(`vms/${id}`, await api.get(`${E}/vms/${id}`));
    await check(`operations/${id}`, await api.get(`${E}/operations/${id}`));
    for (const route of ENV_ROUTES) {
      await check(`env ${id}/${route}`, await api.get(`/api/environments/${id}/${route}`));
      await check(
        `env ${id}/${route} POST`,
        await api.post(`/api/environments/${id}/${route}`, { data: {} }),
      );
    }
  }
  // Not JSON, the wrong content type, a 5 MB body, and a body sent without any login.
  await check(
    "not json",
    await api.post(`${E}/instant-clone`, {
      headers: { "content-type": "application/json" },
      data: "{'a':",
    }),
  );
  await check(
    "form body",
    await api.post(`${E}/instant-clone`, { form: { source: "vm-1005", name: "x" } }),
  );
  await check(
    "5 MB",
    await api.post(`${E}/instant-clone`, {
      data: { source: "vm-1005", name: "x", pad: "x".repeat(5 * 1024 * 1024) },
    }),
    [413],
  );
  for (const route of ENV_ROUTES)
    await check(
      `anonymous ${route}`,
      await anonymous.get(`${E}/${route === "session" ? "vms" : route}`),
    );
  await check(
    "anonymous clone",
    await anonymous.post(`${E}/instant-clone`, { data: { source: "vm-1005", name: "anon" } }),
  );
}

test("hostile requests to every route get a 4xx envelope and never reach vCenter", async ({
  playwright,
  hostile,
}) => {
  test.setTimeout(240_000);
  const { api, res: login } = await app.login(playwright.request, "hostile");
  expect(login.status(), await login.text()).toBe(200);
  const anonymous = await playwright.request.newContext({ baseURL: app.url });
  await hostile.resetCalls();
  let sent = 0;
  const check: Check = async (label, res, allowed = [400, 401, 403, 404, 405, 413, 415, 422]) => {
    sent++;
    expect(allowed, `${label} answered ${res.status()}`).toContain(res.status());
    if (res.status() !== 405) {
      const body = await res.json().catch(() => undefined);
      expect(body?.error?.origin, `${label}: envelope`).toBe("console");
    }
  };

  // Two passes. A fresh console loads each route's code on its first request, and V8 grows its
  // heap once for the first large bodies: the first pass pays that. What must stay within 50 MB
  // is what the second, identical pass leaves behind: memory that hostile input keeps.
  const cold = residentMemoryOfPort(PORT);
  await sendAll(api, anonymous, check);
  const warm = residentMemoryOfPort(PORT);
  const perPass = sent;
  await sendAll(api, anonymous, check);
  const after = residentMemoryOfPort(PORT);

  expect(perPass).toBeGreaterThanOrEqual(500);
  expect(await hostile.calls()).toEqual([]);
  const mb = (bytes: number) => `${bytes < 0 ? "" : "+"}${(bytes / 1e6).toFixed(1)}`;
  console.log(
    `hostile input: ${perPass} requests a pass, two passes; console RSS ${mb(warm - cold)} MB ` +
      `over the first (cold start), ${mb(after - warm)} MB over the second`,
  );
  expect(after - warm, `the console grew by ${mb(after - warm)} MB`).toBeLessThan(50 * 1024 * 1024);
  await anonymous.dispose();
  await api.dispose();
});
