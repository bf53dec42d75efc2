import { setTimeout as sleep } from "node:timers/promises";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type SimClient, startTestSimulator, type TestSimulator } from "./test-support";

let t: TestSimulator;
let api: SimClient;

beforeAll(async () => {
  t = await startTestSimulator({ sessionIdleMs: 400 });
  api = t.client;
});
afterAll(() => t.sim.close());

const UNAUTHENTICATED = {
  error_type: "UNAUTHENTICATED",
  messages: [
    {
      id: "com.vmware.vapi.endpoint.method.authentication.required",
      default_message: "Authentication required.",
      args: [],
    },
  ],
  challenge: expect.stringMatching(
    /^Basic realm="VAPI endpoint",SIGN realm=[0-9a-f]{40},service="VAPI endpoint",sts="https:\/\/.+\/sts\/STSService\/vsphere.local"$/,
  ),
};

describe("POST /api/session", () => {
  it("answers 201 with a bare JSON string token", async () => {
    const reply = await api.call("POST", "/api/session", {
      headers: api.basic("administrator@vsphere.local"),
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatch(/^[0-9a-f]{32}$/);
  });

  it.each([
    ["Administrator@VSPHERE.LOCAL", "VSPHERE.LOCAL\\Administrator"],
    ["VSPHERE.LOCAL\\operator", "VSPHERE.LOCAL\\operator"],
    ["READONLY@vsphere.local", "VSPHERE.LOCAL\\readonly"],
  ])("takes %s case-insensitively and reports the user as %s", async (login, shown) => {
    const token = await api.login(login);
    const reply = await api.call("GET", "/api/session", { token });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      user: shown,
      created_time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      last_accessed_time: expect.any(String),
    });
  });

  it.each([
    [
      "a wrong password",
      {
        authorization: `Basic ${Buffer.from("administrator@vsphere.local:nope").toString("base64")}`,
      },
    ],
    [
      "an unknown user",
      {
        authorization: `Basic ${Buffer.from("mallory@vsphere.local:VMware1!").toString("base64")}`,
      },
    ],
    [
      "another domain",
      {
        authorization: `Basic ${Buffer.from("administrator@corp.local:VMware1!").toString("base64")}`,
      },
    ],
    ["no credentials", {}],
  ])("refuses %s with 401 UNAUTHENTICATED and a challenge", async (_, headers) => {
    const reply = await api.call("POST", "/api/session", { headers });
    expect(reply.status).toBe(401);
    expect(reply.body).toEqual(UNAUTHENTICATED);
    expect(reply.headers["www-authenticate"]).toMatch(/^Basic realm="VAPI endpoint"/);
  });
});

describe("session use", () => {
  it.each([
    ["no session header", undefined],
    ["an unknown token", "0123456789abcdef0123456789abcdef"],
  ])("answers 401 to a call with %s", async (_, token) => {
    const reply = await api.call("GET", "/api/vcenter/vm", { token });
    expect(reply.status).toBe(401);
    expect(reply.body).toEqual(UNAUTHENTICATED);
  });

  it("answers 404 for an unknown URL before asking for a session, as vCenter's router does", async () => {
    const reply = await api.call("GET", "/api/vcenter/nothing-here");
    expect(reply.status).toBe(404);
    expect(reply.body).toEqual({
      error_type: "NOT_FOUND",
      messages: [
        { id: "com.vmware.vapi.rest.httpNotFound", default_message: "Not found.", args: [] },
      ],
    });
  });

  it("ends the session on DELETE with 204", async () => {
    const token = await api.login();
    const deleted = await api.call("DELETE", "/api/session", { token });
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeUndefined();
    expect((await api.call("GET", "/api/session", { token })).status).toBe(401);
  });

  it("expires a session left idle longer than sessionIdleMs, and not one in use", async () => {
    const idle = await api.login();
    const busy = await api.login();
    for (let i = 0; i < 3; i++) {
      await sleep(200);
      expect((await api.call("GET", "/api/session", { token: busy })).status).toBe(200);
    }
    const reply = await api.call("GET", "/api/session", { token: idle });
    expect(reply.status).toBe(401);
    expect(reply.body).toEqual(UNAUTHENTICATED);
  });

  it("lists the live sessions' tokens and users on GET /__sim/sessions, without a logged-out one", async () => {
    const kept = await api.login("operator@vsphere.local");
    const gone = await api.login();
    await api.call("DELETE", "/api/session", { token: gone });
    const reply = await api.call("GET", "/__sim/sessions");
    expect(reply.status).toBe(200);
    const { sessions } = reply.body as { sessions: { token: string; user: string }[] };
    expect(sessions).toContainEqual({ token: kept, user: "VSPHERE.LOCAL\\operator" });
    expect(sessions.map((s) => s.token)).not.toContain(gone);
  });

  it("expires every session on POST /__sim/sessions/expire", async () => {
    const token = await api.login();
    const expired = await api.call("POST", "/__sim/sessions/expire");
    expect(expired).toMatchObject({ status: 200, body: { expired: expect.any(Number) } });
    expect((await api.call("GET", "/api/vcenter/vm", { token })).status).toBe(401);
  });
});
