import type { OperationState } from "@/lib/schemas/operation";

/**
 * The WHERE clause of list() and its arguments, the same in both dialects but for how a
 * parameter is written: `placeholder(n)` is the n-th one (1-based), `$n` or `?`.
 */
export function listWhere(
  env: string,
  state: OperationState | undefined,
  placeholder: (n: number) => string,
): { where: string; args: unknown[] } {
  const args: unknown[] = [env];
  let where = `env = ${placeholder(1)}`;
  if (state) {
    args.push(state);
    where += ` AND state = ${placeholder(2)}`;
  }
  return { where, args };
}
