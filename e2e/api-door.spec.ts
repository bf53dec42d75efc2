import type { APIRequestContext } from "@playwright/test";

import { type RunningSimulator, startSimulator } from "../lib/simulator";

import { type ConsoleProcess, consoleHome, startConsole } from "./console-process";
import { simClearFaults, simFault, simSessions, simVmsNamed } from "./direct-simulator";
import { expect, test, uniqueName, USERS } from "./fixtures";
import { e2ePort } from "./ports";
import { type RawAnswer, rawRequest } from "./raw-http";

// Issue 9 §2, the rest of the door: a dead session reads nothing, every /api answer is the
// envelope with the security headers and no-store, input is refused rather than changed (and
// never reaches vCenter), `next` never leaves the console, and the simulator the console starts
// itself has no control path. A console and a simulator of its own: the tests end sessions,
// inject faults and read the call log.
test.describe.configure({ mode: "serial", timeout: 120_000 });

const PORT = e2ePort(13183);
const ENV = "door";
const E = `/api/environments/${ENV}`;
const SOURCE = "vm-1005"; // dev-ubuntu-01, running

let sim: RunningSimulator;
let app: ConsoleProcess;

test.beforeAll(async () => {
  sim = await startSimulator({ port: 0, quiet: true });
  app = await startConsole(
    consoleHome([
      { id: ENV, label: "Door", url: sim.url },
      { id: "lab", label: "Lab", simulator: { vms: 5, seed: 1 } },
    ]),
    PORT,
  );
});
test.afterEach(async () => simClearFaults(sim.url));
test.afterAll(async () => {
  await app?.stop();
  await sim?.close();
});

const resetCalls = () => fetch(`${sim.url}/__sim/calls`, { method: "DELETE" });
async function simCallsSince(): Promise<{ method: string; path: string }[]> {
  const res = await fetch(`${sim.url}/__sim/calls`);
  return ((await res.json()) as { calls: { method: string; path: string }[] }).calls;
}

async function loggedIn(
  request: Parameters<ConsoleProcess["login"]>[0],
): Promise<{ api: APIRequestContext; cookie: string }> {
  const { api, res } = await app.login(request, ENV);
  expect(res.status(), await res.text()).toBe(200);
  const cookie = (await api.storageState()).cookies.find((c) => c.name === `icc_${ENV}`)!.value;
  return { api, cookie: `icc_${ENV}=${cookie}` };
}

/** A request with only this cookie: what someone holding a copy of it can do. */
const withCookie = (cookie: string, path: string, init: Parameters<typeof rawRequest>[2] = {}) =>
  rawRequest(PORT, path, { ...init, headers: { cookie, ...init.headers } });

const clone = (cookie: string, key: string, name: string) =>
  withCookie(cookie, `${E}/instant-clone`, {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": key },
    body: JSON.stringify({ source: SOURCE, name }),
  });

function expectRefused(res: RawAnswer, status: number, origin = "console") {
  expect(res.status, res.text).toBe(status);
  expect((res.json() as { error: { origin: string } }).error.origin).toBe(origin);
}

const adminSessions = async () =>
  (await simSessions(sim.url)).filter((s) => /administrator/i.test(s.user)).length;

test("logout makes the cookie useless at once: no history, no operation, no replay", async ({
  playwright,
}) => {
  const { api, cookie } = await loggedIn(playwright.request);
  const name = uniqueName("door-logout");
  const key = `door-logout-${Date.now()}`;
  const made = await clone(cookie, key, name);
  expect(made.status, made.text).toBe(201);
  const { operation } = made.json() as { operation: string };
  const sessions = await adminSessions();

  const out = await api.delete(`${E}/session`);
  expect(out.status()).toBe(204);
  expect(out.headers()["set-cookie"]).toMatch(new RegExp(`^icc_${ENV}=;.*Max-Age=0`, "i"));

  expectRefused(await withCookie(cookie, `${E}/operations`), 401);
  expectRefused(await withCookie(cookie, `${E}/operations/${operation}`), 401);
  expectRefused(await clone(cookie, key, name), 401);
  expectRefused(await withCookie(cookie, `${E}/vms?limit=1`), 401);
  // vCenter ended its session too, and the replay made nothing.
  expect(await adminSessions()).toBe(sessions - 1);
  expect(await simVmsNamed(sim.url, name)).toHaveLength(1);
  await api.dispose();
});

test("logout while vCenter answers 503: the cookie is cleared and useless anyway", async ({
  playwright,
}) => {
  const { api, cookie } = await loggedIn(playwright.request);
  expect((await withCookie(cookie, `${E}/operations`)).status).toBe(200);
  const sessions = await adminSessions();
  await simFault(sim.url, {
    match: { method: "DELETE", path: "/api/session" },
    kind: "error",
    status: 503,
  });

  const out = await api.delete(`${E}/session`);
  expect(out.status()).toBe(204);
  expect(out.headers()["set-cookie"]).toMatch(new RegExp(`^icc_${ENV}=;.*Max-Age=0`, "i"));
  expectRefused(await withCookie(cookie, `${E}/operations`), 401);
  expectRefused(await withCookie(cookie, `${E}/session`), 401);
  // vCenter never heard the logout: its session lives on until its own idle timeout.
  expect(await adminSessions()).toBe(sessions);
  await api.dispose();
});

test("a session vCenter has ended replays nothing and reads no history", async ({ playwright }) => {
  const first = await loggedIn(playwright.request);
  const name = uniqueName("door-expired");
  const key = `door-expired-${Date.now()}`;
  const made = await clone(first.cookie, key, name);
  expect(made.status, made.text).toBe(201);
  const { operation } = made.json() as { operation: string };
  const second = await loggedIn(playwright.request);
  expect((await fetch(`${sim.url}/__sim/sessions/expire`, { method: "POST" })).ok).toBe(true);

  // The replay is not handed over: vCenter's own 401, and no second VM.
  const replay = await clone(first.cookie, key, name);
  expectRefused(replay, 401, "vcenter");
  expect(replay.json()).toMatchObject({ error: { vcenter: { error_type: "UNAUTHENTICATED" } } });
  expect(await simVmsNamed(sim.url, name)).toHaveLength(1);
  // The history is not read with a session vCenter no longer honours, by either cookie; once
  // vCenter has said so, the console itself refuses the cookie.
  expectRefused(await withCookie(second.cookie, `${E}/operations/${operation}`), 401, "vcenter");
  expectRefused(await withCookie(second.cookie, `${E}/operations`), 401);
  expectRefused(await withCookie(first.cookie, `${E}/operations`), 401);
  await first.api.dispose();
  await second.api.dispose();
});

test("every /api answer is the envelope, with the security headers and no-store", async ({
  playwright,
}) => {
  const { api, cookie } = await loggedIn(playwright.request);
  const checkHeaders = (label: string, res: RawAnswer) => {
    expect(res.headers["cache-control"], label).toBe("no-store");
    expect(res.headers["content-security-policy"], label).toContain("frame-ancestors 'none'");
    expect(res.headers["x-content-type-options"], label).toBe("nosniff");
  };
  // Paths the router could not read, or would resolve elsewhere: the console's 400.
  for (const path of [
    "/api/health%",
    "/api/%zz",
    "/e/%zz",
    "/api/%2e%2e/health",
    "/api/./health",
  ]) {
    const res = await rawRequest(PORT, path);
    expect(res.status, path).toBe(400);
    expect(res.headers["content-type"], path).toContain("application/json");
    expect(res.json(), path).toMatchObject({ error: { origin: "console", status: 400 } });
    checkHeaders(path, res);
  }
  // Methods a route does not serve: 405 with the envelope and Allow.
  const methods: [string, string, string][] = [
    ["PUT", `${E}/vms`, "GET, HEAD, OPTIONS"],
    ["PATCH", `${E}/vms/${SOURCE}`, "GET, DELETE, HEAD, OPTIONS"],
    ["DELETE", `${E}/folders`, "GET, HEAD, OPTIONS"],
    ["PUT", `${E}/session`, "GET, POST, DELETE, HEAD, OPTIONS"],
    ["GET", `${E}/instant-clone`, "POST, OPTIONS"],
    ["PATCH", `${E}/operations`, "GET, HEAD, OPTIONS"],
    ["PUT", "/api/health", "GET, HEAD, OPTIONS"],
    ["POST", "/api/environments", "GET, HEAD, OPTIONS"],
  ];
  for (const [method, path, allow] of methods) {
    const res = await withCookie(cookie, path, { method });
    const label = `${method} ${path}`;
    expect(res.status, label).toBe(405);
    expect(res.headers.allow, label).toBe(allow);
    expect(res.json(), label).toMatchObject({ error: { origin: "console", status: 405 } });
    checkHeaders(label, res);
  }
  // Every answer, good or bad, with or without a session.
  const made = await clone(cookie, `door-headers-${Date.now()}`, uniqueName("door-headers"));
  expect(made.status).toBe(201);
  const { operation } = made.json() as { operation: string };
  for (const path of [
    "/api/health",
    "/api/environments",
    `${E}/session`,
    `${E}/vms?limit=2`,
    `${E}/vms/${SOURCE}`,
    `${E}/folders`,
    `${E}/resource-pools`,
    `${E}/datastores`,
    `${E}/networks`,
    `${E}/operations`,
    `${E}/operations/${operation}`,
    `${E}/vms/vm-999999`,
    "/api/nothing-here",
  ]) {
    const res = await withCookie(cookie, path);
    expect(res.status, path).toBeLessThan(500);
    checkHeaders(path, res);
  }
  checkHeaders("clone", made);
  checkHeaders("anonymous", await rawRequest(PORT, `${E}/operations`));
  await api.dispose();
});

test("input is refused by name, not changed, and never reaches vCenter", async ({ playwright }) => {
  const { api, cookie } = await loggedIn(playwright.request);
  await resetCalls();
  const post = (body: string | Buffer, headers: Record<string, string> = {}) =>
    withCookie(cookie, `${E}/instant-clone`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body,
    });
  const refusedField = (res: RawAnswer, status: number, field: string, message?: RegExp) => {
    expect(res.status, res.text).toBe(status);
    const { error } = res.json() as {
      error: { origin: string; field_errors: Record<string, string> };
    };
    expect(error.origin, res.text).toBe("console");
    expect(Object.keys(error.field_errors), res.text).toEqual([field]);
    if (message) expect(error.field_errors[field]).toMatch(message);
  };
  const names: string[] = [];
  const named = (name: string) => {
    names.push(name);
    return JSON.stringify({ source: SOURCE, name });
  };

  refusedField(
    await post(
      JSON.stringify({ source: SOURCE, name: "door-proto" }).replace(
        /}$/,
        ',"nics_to_update":{"__proto__":{"mac_type":"MANUAL","mac_address":"00:50:56:3f:00:09"}}}',
      ),
    ),
    400,
    "nics_to_update.__proto__",
  );
  refusedField(
    await post(
      Buffer.concat([
        Buffer.from(`{"source":"${SOURCE}","name":"bad-`),
        Buffer.from([0xff, 0xfe]),
        Buffer.from('-utf8"}'),
      ]),
    ),
    400,
    "body",
    /UTF-8/,
  );
  for (const hidden of ["\u0085", "\u2028", "\u202e", "\u200f"])
    refusedField(await post(named(`door-${hidden}-x`)), 400, "name", /text-direction/);
  // A lone surrogate can only come as a JSON escape: JSON.stringify writes it so.
  refusedField(await post(named("door-\ud800-x")), 400, "name", /surrogate/);
  refusedField(
    await post(named("door-key"), { "idempotency-key": "short" }),
    400,
    "Idempotency-Key",
  );
  refusedField(
    await post(named("door-jsonx"), { "content-type": "application/jsonx" }),
    415,
    "content-type",
  );
  for (const query of [
    "vms?limit=0x10",
    "vms?limit=1e3",
    "operations?limit=0x10",
    "operations?offset=1e3",
  ])
    refusedField(
      await withCookie(cookie, `${E}/${query}`),
      400,
      query.split("?")[1].split("=")[0],
      /decimal/,
    );
  for (const route of [
    "folders",
    "resource-pools",
    "datastores",
    "networks",
    `vms/${SOURCE}`,
    "session",
  ])
    refusedField(await withCookie(cookie, `${E}/${route}?x=1`), 400, "x");
  const longUser = await rawRequest(PORT, `${E}/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "u".repeat(257), password: "x" }),
  });
  refusedField(longUser, 400, "username", /at most 256 characters/);

  expect(await simCallsSince()).toEqual([]);
  // (A name with a lone surrogate cannot even be put in a URL to ask; the empty call log says it.)
  const askable = names.filter((name) => !/[\ud800-\udfff]/.test(name));
  for (const name of ["door-proto", "bad-\ufffd\ufffd-utf8", ...askable])
    expect(await simVmsNamed(sim.url, name), name).toEqual([]);
  await api.dispose();
});

test("after a real login, `next` never leaves the console", async ({ page }) => {
  const hostile = [
    "/%09/evil.example/x",
    "/%0a/evil.example/x",
    "/%0d/evil.example/x",
    "//evil.example/x",
    "/%5Cevil.example",
    "/%09%5Cevil.example",
    "/.//evil.example",
    "https://evil.example/",
  ];
  for (const next of [...hostile, "/e/door/history"]) {
    await page.context().clearCookies();
    await page.goto(`${app.url}/e/${ENV}/login?next=${next}`);
    await page.getByLabel("Username").fill(USERS.admin);
    await page.getByLabel("Password", { exact: true }).fill("VMware1!");
    await page.getByRole("button", { name: "Log in" }).click();
    const expected =
      next === "/e/door/history" ? `${app.url}/e/door/history` : `${app.url}/e/${ENV}`;
    await expect(page, next).toHaveURL(expected);
  }
});

test("the simulator the console starts itself has no control path", async ({ playwright }) => {
  const lab = /environment lab \(Lab\): simulator at (\S+)/.exec(app.output())?.[1];
  expect(lab, app.output()).toBeTruthy();
  // The console reaches it as a vCenter…
  const { api, res } = await app.login(playwright.request, "lab");
  expect(res.status()).toBe(200);
  expect((await api.get("/api/environments/lab/vms?limit=1")).status()).toBe(200);
  // …but nobody else can read its sessions, inject faults or read its calls.
  for (const [method, path] of [
    ["GET", "/__sim/sessions"],
    ["POST", "/__sim/faults"],
    ["POST", "/__sim/sessions/expire"],
    ["GET", "/__sim/calls"],
  ]) {
    const answer = await fetch(`${lab}${path}`, { method });
    const text = await answer.text();
    expect(answer.status, `${method} ${path}: ${text}`).toBe(404);
    expect(text).not.toMatch(/token|sessions|calls/);
  }
  expect((await api.get("/api/environments/lab/session")).status()).toBe(200);
  // A simulator started on its own (npm run simulator, the e2e ones) keeps it.
  expect((await fetch(`${sim.url}/__sim/sessions`)).status).toBe(200);
  await api.dispose();
});
