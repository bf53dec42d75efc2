import "server-only";

import type { EnvironmentConfig } from "@/lib/config/environment-schema";

const DEFAULT_TTL_SECONDS = 60;

/** How long a read inventory counts as fresh (environment key inventoryTtlSeconds). */
export const ttlMs = (config: EnvironmentConfig) =>
  (config.inventoryTtlSeconds ?? DEFAULT_TTL_SECONDS) * 1000;
