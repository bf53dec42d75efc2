import "server-only";

export type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

/** Runs tasks with at most `n` under way; the rest wait in order. */
export function limiter(n: number): Limiter {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (active < n) active++;
    else await new Promise<void>((resolve) => waiting.push(resolve)); // handed a slot
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}

/** No bound: each task runs at once. */
export const unlimited: Limiter = (task) => task();
