import type { APIResponse } from "@playwright/test";

import { consoleUrl, simUrl } from "./ports";
import { expect, PASSWORD, test, USERS } from "./fixtures";

const setCookies = (res: APIResponse) =>
  res
    .headersArray()
    .filter((h) => h.name.toLowerCase() === "set-cookie")
    .map((h) => h.value);

// Until issue 11 the cookie's path was the environment's API; a browser may still hold one there.
const OLD_PATH_CLEARED = /^icc_sim=;.*Path=\/api\/environments\/sim;.*Max-Age=0/i;

test("a login sets an encrypted, httpOnly, SameSite=Strict cookie named after its environment", async ({
  request,
}) => {
  const res = await request.post("/api/environments/sim/session", {
    data: { username: USERS.admin, password: PASSWORD },
  });
  expect(res.status()).toBe(200);
  expect((await res.json()).user).toMatch(/administrator/i);
  const [cookie, ...others] = setCookies(res);
  expect(cookie).toMatch(/^icc_sim=/);
  expect(cookie).toMatch(/HttpOnly/i);
  expect(cookie).toMatch(/SameSite=Strict/i);
  // The whole console's path, so that the pages' server render reads it too.
  expect(cookie).toMatch(/Path=\/(;|$)/);
  expect(cookie).not.toContain(PASSWORD);
  // The cookie is sealed: neither the password nor anything readable is in it.
  const value = cookie.split(";")[0].split("=")[1];
  expect(value.split(".")).toHaveLength(5);
  // And a cookie left at the old path is cleared.
  expect(others).toEqual([expect.stringMatching(OLD_PATH_CLEARED)]);
});

test("a browser holding a cookie at the old path keeps one session cookie after login, none after logout", async ({
  playwright,
}) => {
  const old = { name: "icc_sim", domain: "127.0.0.1", path: "/api/environments/sim" };
  const api = await playwright.request.newContext({
    baseURL: consoleUrl,
    storageState: {
      cookies: [
        {
          ...old,
          value: "left-over",
          expires: -1,
          httpOnly: true,
          secure: false,
          sameSite: "Strict",
        },
      ],
      origins: [],
    },
  });
  const held = async () =>
    (await api.storageState()).cookies
      .filter((c) => c.name === "icc_sim")
      .map((c) => ({ path: c.path, sealed: c.value.split(".").length === 5 }));
  expect(await held()).toEqual([{ path: "/api/environments/sim", sealed: false }]);

  const login = await api.post("/api/environments/sim/session", {
    data: { username: USERS.operator, password: PASSWORD },
  });
  expect(login.status()).toBe(200);
  expect(await held()).toEqual([{ path: "/", sealed: true }]);
  expect((await api.get("/api/environments/sim/session")).status()).toBe(200);

  const out = await api.delete("/api/environments/sim/session");
  expect(out.status()).toBe(204);
  const [cleared, ...others] = setCookies(out);
  expect(cleared).toMatch(/^icc_sim=;.*Path=\/;.*Max-Age=0/i);
  expect(others).toEqual([expect.stringMatching(OLD_PATH_CLEARED)]);
  expect(await held()).toEqual([]);
  await api.dispose();
});

test("a wrong password comes back as vCenter's 401", async ({ request }) => {
  const res = await request.post("/api/environments/sim/session", {
    data: { username: USERS.admin, password: "wrong" },
  });
  expect(res.status()).toBe(401);
  const { error } = await res.json();
  expect(error.origin).toBe("vcenter");
  expect(error.vcenter.error_type).toBe("UNAUTHENTICATED");
  expect(error.vcenter.messages.length).toBeGreaterThan(0);
  expect(res.headers()["set-cookie"]).toBeUndefined();
});

test("a login without a password is refused by the console", async ({ request }) => {
  const res = await request.post("/api/environments/sim/session", {
    data: { username: USERS.admin },
  });
  expect(res.status()).toBe(400);
  expect((await res.json()).error).toMatchObject({
    origin: "console",
    field_errors: { password: expect.any(String) },
  });
});

test("session: who am I, then logout ends it in vCenter too", async ({ playwright }) => {
  const api = await playwright.request.newContext({ baseURL: consoleUrl });
  await api.post("/api/environments/sim/session", {
    data: { username: USERS.operator, password: PASSWORD },
  });
  const me = await api.get("/api/environments/sim/session");
  expect(me.status()).toBe(200);
  expect((await me.json()).user).toMatch(/operator/i);
  const sealed = (await api.storageState()).cookies.find((c) => c.name === "icc_sim")!.value;

  expect((await api.delete("/api/environments/sim/session")).status()).toBe(204);
  expect((await api.get("/api/environments/sim/session")).status()).toBe(401);

  // Replaying the old cookie gets the console's own 401: the cookie was revoked at logout, so it
  // never reaches vCenter again (api-door.spec.ts checks the vCenter session is gone too).
  const replay = await playwright.request.newContext({
    baseURL: consoleUrl,
    extraHTTPHeaders: { cookie: `icc_sim=${sealed}` },
  });
  const res = await replay.get("/api/environments/sim/session");
  expect(res.status()).toBe(401);
  expect((await res.json()).error).toMatchObject({
    origin: "console",
    message: "Log in to this vCenter first",
  });
  await api.dispose();
  await replay.dispose();
});

test("without a login every environment route answers 401 from the console", async ({
  request,
}) => {
  for (const path of [
    "vms",
    "vms/vm-1001",
    "folders",
    "resource-pools",
    "datastores",
    "networks",
    "session",
  ]) {
    const res = await request.get(`/api/environments/sim/${path}`);
    expect(res.status(), path).toBe(401);
    expect((await res.json()).error.origin, path).toBe("console");
  }
  const clone = await request.post("/api/environments/sim/instant-clone", {
    data: { source: "vm-1001", name: "x" },
  });
  expect(clone.status()).toBe(401);
});

test("an unknown environment is a 404 from the console", async ({ request }) => {
  const res = await request.get("/api/environments/nope/vms");
  expect(res.status()).toBe(404);
  expect((await res.json()).error.origin).toBe("console");
});

test("the environments list names each environment and its kind, never a credential", async ({
  request,
}) => {
  const res = await request.get("/api/environments");
  const list = await res.json();
  expect(list).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ id: "sim", kind: "vcenter", host: new URL(simUrl).host }),
      expect.objectContaining({ id: "lab", kind: "simulator" }),
    ]),
  );
  expect(JSON.stringify(list)).not.toMatch(/caFile|password|secret/i);
});

test("repeated failed logins are slowed, then refused with 429", async ({ request }) => {
  const attempt = () =>
    request.post("/api/environments/sim/session", {
      data: { username: "throttle-probe@vsphere.local", password: "guess" },
    });
  const statuses: number[] = [];
  const started = Date.now();
  for (let i = 0; i < 9; i++) statuses.push((await attempt()).status());
  expect(statuses.slice(0, 8)).toEqual(Array(8).fill(401));
  expect(statuses[8]).toBe(429);
  // Failures 3 to 8 waited 0.2 s more each: 0.2 + 0.4 + … + 1.2 s.
  expect(Date.now() - started).toBeGreaterThanOrEqual(4000);
  const refused = await attempt();
  expect(refused.status()).toBe(429);
  expect((await refused.json()).error).toMatchObject({
    origin: "console",
    message: expect.stringMatching(/try again/),
  });
});
