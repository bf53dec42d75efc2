import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { history } from "@/lib/history/store";

import { beginStopping, resetInFlightForTests } from "./in-flight";
import { markStarted, readiness } from "./readiness";

// Readiness against a real SQLite history: starting, a database that cannot open, ready,
// stopping. The steps share the process's state, so they run in this order.
const dir = mkdtempSync(path.join(tmpdir(), "icc-ready-"));
afterAll(async () => {
  await history().close();
  resetInFlightForTests();
});

describe("readiness", () => {
  it("is not ready while starting", async () => {
    expect(await readiness()).toEqual({ ready: false, reason: "The console is starting" });
  });

  it("is not ready while the history database cannot be opened", async () => {
    const notAFolder = path.join(dir, "file");
    writeFileSync(notAFolder, "");
    process.env.CONSOLE_DATA_DIR = notAFolder;
    markStarted();
    const state = await readiness();
    expect(state.ready).toBe(false);
    expect(state).toMatchObject({ reason: expect.stringMatching(/history database/) });
  });

  it("is ready once started with a migrated database, and not once stopping", async () => {
    process.env.CONSOLE_DATA_DIR = path.join(dir, "data");
    expect(await readiness()).toEqual({ ready: true });
    beginStopping();
    expect(await readiness()).toEqual({ ready: false, reason: "The console is stopping" });
  });
});
