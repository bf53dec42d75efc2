import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { defineConfig, devices } from "@playwright/test";

import {
  CONSOLE_PORT,
  consoleUrl,
  e2ePort,
  FAULTS_SIM_PORT,
  HOSTILE_SIM_PORT,
  INVALID_SIM_PORT,
  INVENTORY_SIM_PORT,
  SIM_PORT,
  UI_FAULTS_SIM_PORT,
} from "./ports";

const root = path.resolve(__dirname, "..");
const results = path.join(__dirname, ".results");
const isCI = Boolean(process.env.CI);

// The environments file names the simulators' ports, shifted by E2E_PORT_OFFSET like the rest.
mkdirSync(results, { recursive: true });
const environmentsFile = path.join(results, `environments.${CONSOLE_PORT}.json`);
writeFileSync(
  environmentsFile,
  readFileSync(path.join(__dirname, "environments.e2e.json"), "utf8").replace(
    /127\.0\.0\.1:(\d+)/g,
    (_, port: string) => `127.0.0.1:${e2ePort(Number(port))}`,
  ),
);

// Five simulators: `sim` for tests that run in parallel, `faults` and `ui-faults` for the
// serial API and UI tests that inject faults or expire sessions, `hostile` and `invalid` for bad
// input that must never reach vCenter (each call log must stay free of other tests' traffic;
// `hostile` is reached only through the hostile suite's own console).
const simulator = (port: number) => ({
  command: `npx tsx lib/simulator/cli.ts --port ${port} --seed 1`,
  cwd: root,
  port,
  reuseExistingServer: !isCI,
  timeout: 60_000,
  stdout: "ignore" as const,
});

export default defineConfig({
  testDir: __dirname,
  testMatch: /.*\.spec\.ts$/,
  outputDir: path.join(results, "artifacts"),
  forbidOnly: isCI,
  retries: isCI ? 1 : 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: path.join(results, "report.json") }]],
  use: {
    baseURL: consoleUrl,
    trace: "on-first-retry",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: [
    simulator(SIM_PORT),
    simulator(FAULTS_SIM_PORT),
    simulator(HOSTILE_SIM_PORT),
    simulator(UI_FAULTS_SIM_PORT),
    simulator(INVALID_SIM_PORT),
    simulator(INVENTORY_SIM_PORT),
    {
      command: `npx next start -p ${CONSOLE_PORT} -H 127.0.0.1`,
      cwd: root,
      url: `${consoleUrl}/api/health`,
      reuseExistingServer: !isCI,
      timeout: 120_000,
      stdout: "ignore",
      env: {
        CONSOLE_ENVIRONMENTS: environmentsFile,
        CONSOLE_DATA_DIR: path.join(results, "data"),
        CONSOLE_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
        CONSOLE_LOG_FILE: path.join(results, "console.log"),
        // As `npm start` and the image: the console, not Next.js, handles SIGTERM.
        NEXT_MANUAL_SIG_HANDLE: "true",
      },
    },
  ],
});
