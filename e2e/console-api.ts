import { type APIRequestContext, expect } from "@playwright/test";

import type { Operation } from "../lib/schemas/operation";

import type { ConsoleProcess } from "./console-process";

// Shared by the specs that run a console of their own (console-process.ts): a login through its
// API that must succeed, and its history as the API lists it.

/** What `ConsoleProcess.login` makes its API context with (Playwright's `request`). */
export type ConsoleRequest = Parameters<ConsoleProcess["login"]>[0];

/** Logs a fresh API context into `env` (as `user`, else the admin) and expects a 200. */
export async function loginToConsole(
  app: ConsoleProcess,
  request: ConsoleRequest,
  env: string,
  user?: string,
): Promise<APIRequestContext> {
  const { api, res } = await app.login(request, env, user);
  expect(res.status(), await res.text()).toBe(200);
  return api;
}

/** The first 200 operations of the history of `env`. */
export async function historyOf(api: APIRequestContext, env: string): Promise<Operation[]> {
  const res = await api.get(`/api/environments/${env}/operations?limit=200`);
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { items: Operation[] }).items;
}
