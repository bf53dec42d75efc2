// `npm test`: the whole suite, as CI runs it. Unit and integration tests (Vitest), a
// production build, then the end-to-end suite (Playwright in Chromium against `next start`
// and the simulator; the service-*.spec.ts suites run the build's standalone server.js, as
// the container image does, alone and behind deploy/Caddyfile), then the store-dependent suites
// and the two-instance suite on PostgreSQL. Ends with one line,
// `N passed, N failed`.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const results = path.join(root, "e2e", ".results");
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

const run = (cmd, args) =>
  spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: process.env }).status ?? 1;
let passed = 0;
let failed = 0;

const vitestReport = path.join(results, "vitest.json");
const vitest = run("npx", [
  "vitest",
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile=${vitestReport}`,
]);
if (existsSync(vitestReport)) {
  const report = JSON.parse(readFileSync(vitestReport, "utf8"));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
}
if (vitest !== 0 && !existsSync(vitestReport)) failed += 1;

const skipBuild =
  process.env.SKIP_BUILD === "1" && existsSync(path.join(root, ".next", "BUILD_ID"));
const build = skipBuild ? 0 : run("npm", ["run", "build"]);
if (build !== 0) {
  console.error("next build failed: the end-to-end suite did not run");
  failed += 1;
} else {
  // Then the store-dependent suites again with every console on PostgreSQL, and the
  // two-instance suite (e2e/playwright.postgres.config.ts).
  for (const [config, report] of [
    ["e2e/playwright.config.ts", "report.json"],
    ["e2e/playwright.postgres.config.ts", "report-postgres.json"],
  ]) {
    const e2e = run("npx", ["playwright", "test", "-c", config]);
    const e2eReport = path.join(results, report);
    const stats = existsSync(e2eReport)
      ? JSON.parse(readFileSync(e2eReport, "utf8")).stats
      : undefined;
    passed += (stats?.expected ?? 0) + (stats?.flaky ?? 0);
    failed += stats?.unexpected ?? 0;
    // A run that failed without a failing test (a server that would not start) still fails.
    if (e2e !== 0 && !stats?.unexpected) {
      console.error(`The end-to-end suite (${config}) did not run to completion`);
      failed += 1;
    }
  }
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
