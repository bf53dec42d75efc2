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
import { heapUsedAfterGc, inspectorUrl } from "./heap-after-gc";
import { residentMemoryOfPort } from "./process-memory";
import { e2ePort, hostileSimUrl } from "./ports";

// Every answer to hostile input is a 4xx envelope (413 for the oversized body), never a 5xx,
// and the `hostile` simulator sees none of it. Serial: the simulator's call log is checked.
// The suite has a console of its own, so the memory it measures is its own traffic's: the
// shared console also serves the UI specs running beside it.
test.describe.configure({ mode: "serial" });

const PORT = e2ePort(13140);
let app: ConsoleProcess;
test.beforeAll(async () => {
  // With its inspector on, so the test can read its live heap after a full collection.
  app = await startConsole(
    consoleHome([{ id: "hostile", label: "Hostile", url: hostileSimUrl }]),
    PORT,
    { NODE_OPTIONS: "--inspect=127.0.0.1:0" },
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
    await check(`vms/${id}/guest`, await api.get(`${E}/vms/${id}/guest`));
    await check(`vms/${id} DELETE`, await api.delete(`${E}/vms/${id}`));
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
  // "Before" is a console that has served each route once, as any console has after its first
  // minutes of use: Next.js loads a route's code on its first request, which is not the run's doing.
  for (const path of ["session", "vms?limit=1", "vms/vm-1005", "folders", "resource-pools"])
    expect((await api.get(`${E}/${path}`)).status(), path).toBe(200);
  for (const path of ["datastores", "networks", "operations"])
    expect((await api.get(`${E}/${path}`)).status(), path).toBe(200);
  expect(
    (await api.get(`${E}/operations/${"0".repeat(8)}-0000-0000-0000-${"0".repeat(12)}`)).status(),
  ).toBe(404);
  expect((await api.post(`${E}/instant-clone`, { data: {} })).status()).toBe(400);
  expect((await api.get("/api/nothing-here")).status()).toBe(404);
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

  // Memory after the run against before it (the 50 MB), as the live heap after a full
  // collection (what the console still holds) and as RSS. Then the same run again: a leak of
  // even 15 KB a request would show as 10 MB there, so that bound is tighter.
  const inspector = inspectorUrl(app.output());
  const before = { heap: await heapUsedAfterGc(inspector), rss: residentMemoryOfPort(PORT) };
  await sendAll(api, anonymous, check);
  const first = { heap: await heapUsedAfterGc(inspector), rss: residentMemoryOfPort(PORT) };
  const perPass = sent;
  await sendAll(api, anonymous, check);
  const second = { heap: await heapUsedAfterGc(inspector), rss: residentMemoryOfPort(PORT) };

  expect(perPass).toBeGreaterThanOrEqual(500);
  expect(await hostile.calls()).toEqual([]);
  const mb = (bytes: number) => `${bytes < 0 ? "" : "+"}${(bytes / 1e6).toFixed(1)}`;
  const size = (bytes: number) => (bytes / 1e6).toFixed(1);
  console.log(
    `hostile input: ${perPass} requests a pass; live heap ${size(before.heap)} MB before, ` +
      `${mb(first.heap - before.heap)} MB after the run, ${mb(second.heap - first.heap)} MB ` +
      `after a second run; RSS ${mb(first.rss - before.rss)} MB, then ${mb(second.rss - first.rss)} MB`,
  );
  const limit = 50 * 1024 * 1024;
  const left = first.heap - before.heap;
  expect(left, `the run left ${mb(left)} MB in the console`).toBeLessThan(limit);
  const rss = first.rss - before.rss;
  expect(rss, `the run grew the console's RSS by ${mb(rss)} MB`).toBeLessThan(limit);
  const again = second.heap - first.heap;
  expect(again, `a second run left ${mb(again)} MB`).toBeLessThan(10 * 1024 * 1024);
  await anonymous.dispose();
  await api.dispose();
});
