import { gzipSync } from "node:zlib";

// What a browser downloads to show a page: its JS and CSS, gzipped as a server would send
// them. The clone form's budget is 240 KB (a bare Next.js 16 page is about 170 KB).

export const PAGES = ["/", "/e/bench", "/e/bench/login", "/e/bench/history"];
export const BUDGET_KB = 240;

export async function pageWeight(
  baseUrl: string,
  page: string,
): Promise<{ kb: number; files: number }> {
  const html = await (await fetch(baseUrl + page)).text();
  const assets = new Set<string>();
  for (const match of html.matchAll(
    /<(?:script[^>]*\ssrc|link[^>]*rel="stylesheet"[^>]*\shref)="([^"]+)"/g,
  ))
    assets.add(match[1]);
  let bytes = 0;
  for (const asset of assets) {
    const body = Buffer.from(await (await fetch(new URL(asset, baseUrl))).arrayBuffer());
    bytes += gzipSync(body, { level: 9 }).length;
  }
  return { kb: Math.round((bytes / 1024) * 10) / 10, files: assets.size };
}

export async function reportPageWeights(baseUrl: string): Promise<void> {
  console.log(`page weight (gzipped JS + CSS; budget for the clone form ${BUDGET_KB} KB):`);
  for (const page of PAGES) {
    const { kb, files } = await pageWeight(baseUrl, page);
    const note =
      page === "/e/bench" ? (kb <= BUDGET_KB ? " (within budget)" : " (OVER BUDGET)") : "";
    console.log(`  ${page.padEnd(18)} ${kb.toFixed(1)} KB in ${files} files${note}`);
  }
}
