import { chromium } from "@playwright/test";

import { summarize } from "./stats";

// Navigation → form usable, in Chromium: from the start of navigation until the Name field is
// enabled (the form is disabled until the browser has hydrated it) and the last answer of the VM
// list (if the page asked for one: the first VM page normally comes in the page's HTML) is in.
// Measured on each environment after a first visit, so the inventory is in the console's
// cache, as it is for every operator but the first one of a TTL.

const RUNS = Number(process.env.BENCH_NAV_RUNS ?? 7);

export async function navigationTimes(
  baseUrl: string,
  envs: { env: string; cookie: string }[],
): Promise<Map<string, { ms: number; askedForVms: boolean }[]>> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  const out = new Map<string, { ms: number; askedForVms: boolean }[]>();
  try {
    for (let run = 0; run <= RUNS; run++)
      for (const { env, cookie } of envs) {
        const time = await usableAfter(browser, baseUrl, env, cookie);
        if (run > 0) out.set(env, [...(out.get(env) ?? []), time]); // run 0 warms up
      }
  } finally {
    await browser.close();
  }
  return out;
}

async function usableAfter(
  browser: Awaited<ReturnType<typeof chromium.launch>>,
  baseUrl: string,
  env: string,
  cookie: string,
): Promise<{ ms: number; askedForVms: boolean }> {
  const context = await browser.newContext();
  const eq = cookie.indexOf("=");
  await context.addCookies([
    { name: cookie.slice(0, eq), value: cookie.slice(eq + 1), url: baseUrl },
  ]);
  const page = await context.newPage();
  let lastVmList = 0;
  page.on("response", (response) => {
    if (new URL(response.url()).pathname === `/api/environments/${env}/vms`)
      lastVmList = performance.now();
  });
  const started = performance.now();
  await page.goto(`${baseUrl}/e/${env}`);
  const name = page.getByLabel("Name", { exact: true });
  await name.waitFor({ state: "visible", timeout: 30_000 });
  while (!(await name.isEnabled())) await page.waitForTimeout(5);
  const nameEnabled = performance.now();
  await page.waitForLoadState("networkidle");
  await context.close();
  return { ms: Math.max(nameEnabled, lastVmList) - started, askedForVms: lastVmList > 0 };
}

export const median = (times: number[]) => summarize(times).median;
