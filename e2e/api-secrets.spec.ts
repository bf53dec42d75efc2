import { existsSync, readFileSync } from "node:fs";

import type { APIResponse } from "@playwright/test";

import { type RunningSimulator, startSimulator } from "../lib/simulator";

import { type ConsoleProcess, consoleHome, startConsole } from "./console-process";
import { simSessions } from "./direct-simulator";
import { expect, PASSWORD, test, uniqueName, USERS } from "./fixtures";
import { e2ePort } from "./ports";

// Issue 5: a full session through a console of its own (login, reads, a clone, an error,
// logout), then every log line, every answer and the history file's raw bytes are searched
// for the password and the vCenter session token. Neither may appear anywhere.
test.describe.configure({ timeout: 120_000 });

const PORT = e2ePort(13130);
const ENV = "secrets";
const USER = USERS.admin;
const WRONG_PASSWORD = "Not-the-Passw0rd!";

let sim: RunningSimulator;
let app: ConsoleProcess;

test.beforeAll(async () => {
  sim = await startSimulator({ port: 0, quiet: true });
  app = await startConsole(consoleHome([{ id: ENV, label: "Secrets", url: sim.url }]), PORT);
});
test.afterAll(async () => {
  await app?.stop();
  await sim?.close();
});

interface Answer {
  label: string;
  status: number;
  requestId: string;
  /** Status, headers and body as received; the Set-Cookie value (the sealed cookie) left out. */
  text: string;
  body: string;
  setCookies: string[];
}

async function answer(label: string, res: APIResponse): Promise<Answer> {
  const headers = res.headersArray();
  const setCookies = headers.filter((h) => h.name.toLowerCase() === "set-cookie");
  const others = headers.filter((h) => h.name.toLowerCase() !== "set-cookie");
  const body = await res.text();
  return {
    label,
    status: res.status(),
    requestId: res.headers()["x-request-id"] ?? "",
    text: [
      String(res.status()),
      ...others.map((h) => `${h.name}: ${h.value}`),
      // The cookie's attributes are fair game; only its value is the sealed token.
      ...setCookies.map((h) => `set-cookie: ${h.value.split(";").slice(1).join(";")}`),
      body,
    ].join("\n"),
    body,
    setCookies: setCookies.map((h) => h.value.split(";")[0].split("=").slice(1).join("=")),
  };
}

test("no password, token or cookie reaches a log line, an answer or the history", async ({
  playwright,
}) => {
  const answers: Answer[] = [];
  const base = `/api/environments/${ENV}`;
  const api = await playwright.request.newContext({ baseURL: app.url });

  const refused = await api.post(`${base}/session`, {
    data: { username: USER, password: WRONG_PASSWORD },
  });
  answers.push(await answer("failed login", refused));
  expect(refused.status()).toBe(401);

  const login = await api.post(`${base}/session`, { data: { username: USER, password: PASSWORD } });
  answers.push(await answer("login", login));
  expect(login.status()).toBe(200);
  const sealed = answers.at(-1)!.setCookies[0];
  expect(sealed.length).toBeGreaterThan(40);

  // The console's own vCenter session: the only one this simulator has.
  const sessions = await simSessions(sim.url);
  expect(sessions).toHaveLength(1);
  const token = sessions[0].token;
  expect(token).toMatch(/^[0-9a-f]{32}$/);

  const name = uniqueName("secrets");
  const calls: [string, () => Promise<APIResponse>, number][] = [
    ["who am I", () => api.get(`${base}/session`), 200],
    ["VM list", () => api.get(`${base}/vms?power_state=POWERED_ON`), 200],
    ["VM detail", () => api.get(`${base}/vms/vm-1005`), 200],
    ["folders", () => api.get(`${base}/folders`), 200],
    ["clone", () => api.post(`${base}/instant-clone`, { data: { source: "vm-1005", name } }), 201],
    [
      "clone again",
      () => api.post(`${base}/instant-clone`, { data: { source: "vm-1005", name } }),
      400,
    ],
    ["history", () => api.get(`${base}/operations`), 200],
  ];
  for (const [label, call, status] of calls) {
    const res = await call();
    answers.push(await answer(label, res));
    expect(res.status(), `${label}: ${answers.at(-1)!.text}`).toBe(status);
  }
  expect(answers.find((a) => a.label === "clone again")!.text).toContain('"ALREADY_EXISTS"');
  const cloned = answers.find((a) => a.label === "clone")!;
  const operationId = (JSON.parse(cloned.body) as { operation: string }).operation;
  const detail = await api.get(`${base}/operations/${operationId}`);
  answers.push(await answer("operation", detail));
  expect(detail.status()).toBe(200);

  const logout = await api.delete(`${base}/session`);
  answers.push(await answer("logout", logout));
  expect(logout.status()).toBe(204);
  // Logging out ended the vCenter session too.
  expect((await simSessions(sim.url)).map((s) => s.token)).not.toContain(token);
  await api.dispose();

  // The log lines are written as requests end; wait until the last one is there.
  const lastId = answers.at(-1)!.requestId;
  expect(lastId).not.toBe("");
  await expect.poll(() => readIfThere(app.home.logFile)).toContain(lastId);
  await expect.poll(() => app.output()).toContain(lastId);

  const logFile = readIfThere(app.home.logFile);
  const stdout = app.output();
  // SQLite keeps recent writes in the -wal file: read both, as bytes, not through SQL.
  const historyBytes = [app.home.historyFile, `${app.home.historyFile}-wal`]
    .filter(existsSync)
    .map((file) => readFileSync(file).toString("latin1"))
    .join("\n");

  // The scans saw real content, so a leak would have been found.
  for (const a of answers) expect(logFile, a.label).toContain(a.requestId);
  expect(logFile).toContain('"kind":"upstream"');
  expect(stdout).toContain('"kind":"request"');
  expect(historyBytes).toContain(name);
  expect(historyBytes).toContain("ALREADY_EXISTS");
  expect(answers.map((a) => a.text).join("\n")).toContain("VSPHERE.LOCAL\\\\Administrator");

  const secrets = {
    password: PASSWORD,
    "password, URL-encoded": encodeURIComponent(PASSWORD),
    "wrong password": WRONG_PASSWORD,
    "Basic credentials": Buffer.from(`${USER}:${PASSWORD}`).toString("base64"),
    "vCenter token": token,
    "sealed cookie": sealed,
  };
  const places: [string, string][] = [
    ["log file", logFile],
    ["stdout and stderr", stdout],
    ["history file", historyBytes],
    ...answers.map((a): [string, string] => [`answer to ${a.label}`, a.text]),
  ];
  const leaks = places.flatMap(([place, text]) =>
    Object.entries(secrets)
      .filter(([, secret]) => text.includes(secret))
      .map(([what]) => `${what} in the ${place}`),
  );
  expect(leaks).toEqual([]);
});

function readIfThere(file: string): string {
  return existsSync(file) ? readFileSync(file, "utf8") : "";
}
