import "server-only";

import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

import type { z } from "zod";

import type { EnvironmentSummary } from "@/lib/schemas/inventory";

import { type EnvironmentConfig, environmentsFileSchema } from "./environment-schema";

export const DEFAULT_ENVIRONMENTS: EnvironmentConfig[] = [
  { id: "sim", label: "Simulator", simulator: { vms: 40, seed: 1 } },
];

export class EnvironmentsFileError extends Error {}

/** Reads and checks the environments file; the message names the entry and field at fault. */
export function loadEnvironments(
  env: Partial<Record<string, string>> = process.env,
): EnvironmentConfig[] {
  const explicit = env.CONSOLE_ENVIRONMENTS;
  const file = path.resolve(/*turbopackIgnore: true*/ explicit ?? "environments.json");
  if (!existsSync(/*turbopackIgnore: true*/ file)) {
    if (explicit)
      throw new EnvironmentsFileError(`CONSOLE_ENVIRONMENTS names ${file}, which does not exist`);
    return DEFAULT_ENVIRONMENTS;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(/*turbopackIgnore: true*/ file, "utf8"));
  } catch (err) {
    throw new EnvironmentsFileError(`${file} is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = environmentsFileSchema.safeParse(raw);
  if (!parsed.success) throw new EnvironmentsFileError(describeIssues(file, raw, parsed.error));
  return parsed.data;
}

function describeIssues(file: string, raw: unknown, error: z.ZodError): string {
  const lines = error.issues.map((issue) => {
    const [index, ...field] = issue.path;
    const entry = Array.isArray(raw) && typeof index === "number" ? raw[index] : undefined;
    const id =
      entry && typeof entry === "object" && "id" in entry ? ` (id "${String(entry.id)}")` : "";
    const where = typeof index === "number" ? `entry ${index}${id}` : "the file";
    const keys = "keys" in issue && Array.isArray(issue.keys) ? issue.keys.join(", ") : "";
    const fieldName = [...field.map(String), keys].filter(Boolean).join(".") || "(entry)";
    return `  ${where}, field ${fieldName}: ${issue.message}`;
  });
  return `${file} is invalid:\n${lines.join("\n")}`;
}

let cached: EnvironmentConfig[] | undefined;

export function environments(): EnvironmentConfig[] {
  cached ??= loadEnvironments();
  return cached;
}

export function findEnvironment(id: string): EnvironmentConfig | undefined {
  return environments().find((env) => env.id === id);
}

export function summarize(env: EnvironmentConfig, simulatorUrl?: string): EnvironmentSummary {
  const url = env.url ?? simulatorUrl;
  return {
    id: env.id,
    label: env.label,
    kind: env.simulator ? "simulator" : "vcenter",
    host: url ? new URL(url).host : "embedded simulator",
    ...(env.color ? { color: env.color } : {}),
    ...(env.insecure ? { insecure: true } : {}),
  };
}

export function listEnvironments(): EnvironmentSummary[] {
  return environments().map((env) => summarize(env));
}
