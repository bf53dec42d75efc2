import type { APIResponse } from "@playwright/test";

import { expect, loginAs, test, USERS } from "./fixtures";
import {
  hostileCloneBodies,
  hostileIds,
  hostileLoginBodies,
  hostileOperationQueries,
  hostileVmQueries,
} from "./hostile-inputs";
import { residentMemoryOfPort } from "./process-memory";
import { CONSOLE_PORT, consoleUrl } from "./ports";

// Every answer to hostile input is a 4xx envelope (413 for the oversized body), never a 5xx,
// and the `hostile` simulator sees none of it. Serial: the simulator's call log is checked.
test.describe.configure({ mode: "serial" });

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

test("hostile requests to every route get a 4xx envelope and never reach vCenter", async ({
  playwright,
  hostile,
}) => {
  test.setTimeout(180_000);
  const api = await loginAs(playwright, USERS.admin, "hostile");
  await hostile.resetCalls();
  // One warm-up pass first: the first large bodies grow V8's heap once, which is not a leak.
  // What must stay within 50 MB is the growth over the whole run after that.
  for (const body of hostileCloneBodies())
    await api.post(`${E}/instant-clone`, { data: body as object });
  const before = residentMemoryOfPort(CONSOLE_PORT);
  let sent = 0;
  const check = async (
    label: string,
    res: APIResponse,
    allowed = [400, 401, 403, 404, 405, 413, 415, 422],
  ) => {
    sent++;
    expect(allowed, `${label} answered ${res.status()}`).toContain(res.status());
    if (res.status() !== 405) {
      const body = await res.json().catch(() => undefined);
      expect(body?.error?.origin, `${label}: envelope`).toBe("console");
    }
  };

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
  const anonymous = await playwright.request.newContext({ baseURL: consoleUrl });
  for (const route of ENV_ROUTES)
    await check(
      `anonymous ${route}`,
      await anonymous.get(`${E}/${route === "session" ? "vms" : route}`),
    );
  await check(
    "anonymous clone",
    await anonymous.post(`${E}/instant-clone`, { data: { source: "vm-1005", name: "anon" } }),
  );

  expect(sent).toBeGreaterThanOrEqual(500);
  expect(await hostile.calls()).toEqual([]);
  const grown = residentMemoryOfPort(CONSOLE_PORT) - before;
  console.log(
    `hostile input: ${sent} requests, console RSS grew by ${(grown / 1e6).toFixed(1)} MB`,
  );
  expect(grown, `the console grew by ${Math.round(grown / 1e6)} MB`).toBeLessThan(50 * 1024 * 1024);
  await anonymous.dispose();
  await api.dispose();
});
