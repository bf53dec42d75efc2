import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { DEFAULT_ENVIRONMENTS, loadEnvironments } from "./environments";

const dir = mkdtempSync(path.join(tmpdir(), "icc-env-"));
const fileWith = (content: unknown) => {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  return { CONSOLE_ENVIRONMENTS: file };
};

describe("loadEnvironments", () => {
  it("runs one simulator environment `sim` when there is no file", () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      expect(loadEnvironments({})).toEqual(DEFAULT_ENVIRONMENTS);
      expect(DEFAULT_ENVIRONMENTS[0]).toMatchObject({ id: "sim", simulator: {} });
    } finally {
      process.chdir(cwd);
    }
  });

  it("reads a valid file", () => {
    const envs = loadEnvironments(
      fileWith([
        {
          id: "prod-east",
          label: "Prod East",
          url: "https://vc01.example.internal",
          color: "red",
          timeoutMs: 60000,
        },
        { id: "lab", label: "Lab", simulator: { vms: 10, seed: 2 } },
      ]),
    );
    expect(envs.map((e) => e.id)).toEqual(["prod-east", "lab"]);
  });

  it.each([
    [[{ id: "Prod East", label: "x", url: "https://vc" }], /entry 0 \(id "Prod East"\), field id/],
    [[{ id: "a", label: "A", url: "ftp://vc" }], /entry 0 \(id "a"\), field url/],
    [[{ id: "a", label: "A" }], /entry 0 \(id "a"\), field url: needs exactly one of url/],
    [
      [{ id: "a", label: "A", url: "https://vc", pasword: "x" }],
      /entry 0 \(id "a"\), field pasword/,
    ],
    [
      [
        { id: "a", label: "A", url: "https://vc" },
        { id: "a", label: "B", url: "https://vc2" },
      ],
      /entry 1 \(id "a"\), field id: duplicate id/,
    ],
    [[{ id: "a", label: "A", url: "https://vc", timeoutMs: "fast" }], /field timeoutMs/],
    [[], /lists no environment/],
  ])("names the entry and field of a bad file (%#)", (content, message) => {
    expect(() => loadEnvironments(fileWith(content))).toThrow(message);
  });

  it("says when the file is not JSON, or is missing though named", () => {
    expect(() => loadEnvironments(fileWith("[{"))).toThrow(/is not valid JSON/);
    expect(() =>
      loadEnvironments({ CONSOLE_ENVIRONMENTS: path.join(dir, "missing.json") }),
    ).toThrow(/does not exist/);
  });
});
