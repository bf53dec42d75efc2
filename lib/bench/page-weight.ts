import { gzipSync } from "node:zlib";

import { chromium } from "@playwright/test";

// What a browser downloads to show a page: its JS and CSS, gzipped (level 9) as a server would
// send them. Two figures per page:
// - "listed": every script and stylesheet the HTML names, including Next.js's `noModule`
//   polyfills, which modern browsers skip. This is how the issue's baseline was taken (a bare
//   Next.js 16 page lists about 170 KB), so the clone form's 250 KB budget (240 before the pickers moved to downshift) is judged on it.
// - "Chromium": what Debian's Chromium actually fetched until the page settled, logged in, with
//   the form drawn; chunks loaded on demand (the full error stack) are not fetched on a clean load.

export const PAGES = ["/", "/e/bench", "/e/bench/login", "/e/bench/history"];
export const BUDGET_KB = 250;
const FORM_PAGE = "/e/bench";

const gzKb = (body: Buffer) => gzipSync(body, { level: 9 }).length / 1024;
const round = (kb: number) => Math.round(kb * 10) / 10;

/** Sum of every script and stylesheet the page's HTML lists. */
export async function listedWeight(
  baseUrl: string,
  page: string,
  cookie: string,
): Promise<{ kb: number; files: number }> {
  const html = await (await fetch(baseUrl + page, { headers: { cookie } })).text();
  const assets = new Set<string>();
  for (const match of html.matchAll(
    /<(?:script[^>]*\ssrc|link[^>]*rel="stylesheet"[^>]*\shref)="([^"]+)"/g,
  ))
    assets.add(match[1]);
  let kb = 0;
  for (const asset of assets)
    kb += gzKb(Buffer.from(await (await fetch(new URL(asset, baseUrl))).arrayBuffer()));
  return { kb: round(kb), files: assets.size };
}

/** Logs Chromium in with the operator's cookie and sums the JS and CSS each page makes it fetch. */
async function chromiumWeights(
  baseUrl: string,
  cookie: string,
): Promise<Map<string, { kb: number; files: number }>> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  const out = new Map<string, { kb: number; files: number }>();
  try {
    for (const page of PAGES) {
      const context = await browser.newContext();
      const eq = cookie.indexOf("=");
      await context.addCookies([
        { name: cookie.slice(0, eq), value: cookie.slice(eq + 1), url: baseUrl },
      ]);
      const tab = await context.newPage();
      const bodies: Promise<Buffer>[] = [];
      tab.on("response", (response) => {
        const type = response.request().resourceType();
        if (type === "script" || type === "stylesheet") bodies.push(response.body());
      });
      await tab.goto(baseUrl + page, { waitUntil: "networkidle" });
      if (page === FORM_PAGE)
        await tab
          .getByRole("combobox", { name: "Source VM" })
          .waitFor({ state: "visible", timeout: 15_000 });
      const sizes = await Promise.all(bodies.map(async (body) => gzKb(await body)));
      out.set(page, { kb: round(sizes.reduce((a, b) => a + b, 0)), files: sizes.length });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return out;
}

export async function reportPageWeights(baseUrl: string, cookie: string): Promise<void> {
  console.log(
    `page weight, gzipped JS + CSS (budget for the clone form ${BUDGET_KB} KB, judged on "listed"):`,
  );
  const fetched = await chromiumWeights(baseUrl, cookie);
  for (const page of PAGES) {
    const listed = await listedWeight(baseUrl, page, cookie);
    const chrome = fetched.get(page);
    const note =
      page === FORM_PAGE ? (listed.kb <= BUDGET_KB ? "  within budget" : "  OVER BUDGET") : "";
    console.log(
      `  ${page.padEnd(18)} listed ${listed.kb.toFixed(1)} KB in ${listed.files} files · ` +
        `Chromium fetched ${chrome?.kb.toFixed(1) ?? "?"} KB in ${chrome?.files ?? "?"} files${note}`,
    );
  }
}
