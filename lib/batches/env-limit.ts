import "server-only";

// maxConcurrentClones: at most this many clones of one environment in flight at once, across
// every batch and person in this process. A slot is handed straight to the next waiter.

export const DEFAULT_MAX_CONCURRENT_CLONES = 8;

interface Gate {
  active: number;
  waiting: (() => void)[];
}

const gates = ((globalThis as { __iccCloneGates?: Map<string, Gate> }).__iccCloneGates ??=
  new Map());

export async function acquireCloneSlot(env: string, max: number): Promise<() => void> {
  let gate = gates.get(env);
  if (!gate) gates.set(env, (gate = { active: 0, waiting: [] }));
  if (gate.active < max) gate.active++;
  else await new Promise<void>((resolve) => gate.waiting.push(resolve));
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const next = gate.waiting.shift();
    if (next) next();
    else gate.active--;
  };
}
