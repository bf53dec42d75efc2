import "server-only";

const DEFAULT_MB = 256;

/**
 * The inventory cache's byte budget across every environment and user, from
 * CONSOLE_INVENTORY_MB (default 256). A bad value stops the console rather than
 * silently caching without bound.
 */
export function inventoryBudgetBytes(env: Partial<Record<string, string>> = process.env): number {
  const text = env.CONSOLE_INVENTORY_MB;
  if (text === undefined || text === "") return DEFAULT_MB * 1024 * 1024;
  if (!/^\d{1,7}$/.test(text))
    throw new Error(`CONSOLE_INVENTORY_MB must be a whole number of megabytes, got "${text}"`);
  return Number(text) * 1024 * 1024;
}
