import "server-only";

const DEFAULT_TTL_SECONDS = 60;

/**
 * How long a read inventory counts as fresh (environment key inventoryTtlSeconds). Takes the
 * vCenter client's view of the environment: at run time it is the whole environment entry.
 */
export const ttlMs = (config: { id: string; inventoryTtlSeconds?: number }) =>
  (config.inventoryTtlSeconds ?? DEFAULT_TTL_SECONDS) * 1000;
