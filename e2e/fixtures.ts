import { type APIRequestContext, test as base, expect } from "@playwright/test";

import { simClearFaults, simFault } from "./direct-simulator";
import { consoleUrl, faultsSimUrl, hostileSimUrl, simUrl, uiFaultsSimUrl } from "./ports";
import { PASSWORD, USERS } from "./users";

export { PASSWORD, USERS } from "./users";

/** The simulator's control path (/__sim/…), which only the simulator serves. */
export class SimControl {
  constructor(
    private readonly request: APIRequestContext,
    readonly url: string,
  ) {}
  fault(fault: Record<string, unknown>) {
    return simFault(this.url, fault);
  }
  clearFaults() {
    return simClearFaults(this.url);
  }
  async expireSessions() {
    expect((await this.request.post(`${this.url}/__sim/sessions/expire`)).ok()).toBe(true);
  }
  async resetCalls() {
    await this.request.delete(`${this.url}/__sim/calls`);
  }
  /** Calls the simulator received since the last reset, optionally only those matching a path. */
  async calls(pathPrefix = ""): Promise<{ method: string; path: string; status: number }[]> {
    const res = await this.request.get(`${this.url}/__sim/calls`);
    const body = (await res.json()) as {
      calls: { method: string; path: string; status: number }[];
    };
    return body.calls.filter((c) => c.path.startsWith(pathPrefix));
  }
}

/** Logs a fresh API context into an environment of the console as one of the sample users. */
export async function loginAs(
  playwright: { request: { newContext(o: { baseURL: string }): Promise<APIRequestContext> } },
  user: string,
  env = "sim",
): Promise<APIRequestContext> {
  const ctx = await playwright.request.newContext({ baseURL: consoleUrl });
  const res = await ctx.post(`/api/environments/${env}/session`, {
    data: { username: user, password: PASSWORD },
  });
  expect(res.status(), await res.text()).toBe(200);
  return ctx;
}

let counter = 0;
/** A clone name no other test uses, so tests stay parallel-safe. */
export const uniqueName = (prefix: string) =>
  `${prefix}-${process.pid}-${Date.now().toString(36)}-${(counter++).toString(36)}`;

export const test = base.extend<{
  admin: APIRequestContext;
  sim: SimControl;
  faults: SimControl;
  hostile: SimControl;
  uiFaults: SimControl;
}>({
  admin: async ({ playwright }, use) => {
    const ctx = await loginAs(playwright, USERS.admin);
    await use(ctx);
    await ctx.dispose();
  },
  sim: async ({ request }, use) => use(new SimControl(request, simUrl)),
  faults: async ({ request }, use) => {
    const control = new SimControl(request, faultsSimUrl);
    await use(control);
    await control.clearFaults();
  },
  hostile: async ({ request }, use) => use(new SimControl(request, hostileSimUrl)),
  uiFaults: async ({ request }, use) => {
    const control = new SimControl(request, uiFaultsSimUrl);
    await use(control);
    await control.clearFaults();
  },
});

export { expect };
