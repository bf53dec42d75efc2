// The load part of `npm run bench` (issue 4): 200 instant clones with distinct names, 16 at a
// time, sent directly to the simulator and then through the console; afterwards the console's
// history and the simulator's inventory must account for every console submission exactly
// once. Throws (so the bench exits non-zero) when they do not.
import { Agent, request } from "undici";

import { ms, summarize } from "./stats";

const TOTAL = Number(process.env.LOAD_TOTAL ?? 200);
const CONCURRENCY = 16;

export interface LoadTargets {
  simUrl: string;
  consoleUrl: string;
  env: string;
  /** vCenter session token for the direct calls. */
  token: string;
  /** The console's session cookie ("name=value"). */
  cookie: string;
  source: string;
}

interface Sent {
  name: string;
  status: number;
  body: string;
}

interface Operation {
  id: string;
  state: string;
  vm?: string;
  spec: { name: string };
}

export async function loadBench(t: LoadTargets): Promise<void> {
  const agent = new Agent({ connections: CONCURRENCY, keepAliveTimeout: 10_000 });
  const run = `load-${process.pid}-${Date.now().toString(36)}`;
  const post = (url: string, headers: Record<string, string>, name: string) =>
    request(url, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ source: t.source, name }),
      dispatcher: agent,
    });
  try {
    console.log(
      `load: ${TOTAL} instant-clone submissions with distinct names, ${CONCURRENCY} at a time`,
    );
    const direct = await inParallel(`${run}-direct`, (name) =>
      post(
        `${t.simUrl}/api/vcenter/vm?action=instant-clone`,
        { "vmware-api-session-id": t.token },
        name,
      ),
    );
    printLoad("direct", direct);

    const before = (await allVms(t, agent)).count;
    const viaConsole = await inParallel(`${run}-console`, (name, i) =>
      post(
        `${t.consoleUrl}/api/environments/${t.env}/instant-clone`,
        { cookie: t.cookie, "idempotency-key": `${run}-${i}` },
        name,
      ),
    );
    printLoad("console", viaConsole);
    printRatio(direct, viaConsole);

    const problems = [
      ...unexpectedAnswers(direct.sent, 200),
      ...unexpectedAnswers(viaConsole.sent, 201),
      ...(await verify(t, agent, viaConsole.sent, before)),
    ];
    if (problems.length > 0)
      throw new Error(
        `load verification failed (${problems.length}):\n  ${problems.slice(0, 20).join("\n  ")}`,
      );
    console.log(
      `load verified: ${TOTAL} operations succeeded in the history, ${TOTAL} new VMs, none missing, none twice`,
    );
  } finally {
    await agent.close();
  }
}

interface LoadResult {
  sent: Sent[];
  times: number[];
  wallMs: number;
}

/** Sends TOTAL calls, CONCURRENCY in flight at any time, and times each one. */
async function inParallel(
  prefix: string,
  call: (name: string, i: number) => ReturnType<typeof request>,
): Promise<LoadResult> {
  const sent: Sent[] = [];
  const times: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < TOTAL) {
      const i = next++;
      const name = `${prefix}-${i}`;
      const t0 = performance.now();
      const res = await call(name, i);
      const body = await res.body.text();
      times.push(performance.now() - t0);
      sent.push({ name, status: res.statusCode, body });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { sent, times, wallMs: performance.now() - started };
}

const throughput = (r: LoadResult) => (r.sent.length / r.wallMs) * 1000;

function printLoad(label: string, r: LoadResult): void {
  const s = summarize(r.times);
  console.log(
    `load ${label.padEnd(8)} ${r.sent.length} in ${(r.wallMs / 1000).toFixed(2)} s | ${throughput(r).toFixed(1)} req/s | p50 ${ms(s.median)} p95 ${ms(s.p95)}`,
  );
}

function printRatio(direct: LoadResult, viaConsole: LoadResult): void {
  const d = summarize(direct.times);
  const c = summarize(viaConsole.times);
  console.log(
    `load console/direct: throughput ${(throughput(viaConsole) / throughput(direct)).toFixed(2)}x, p50 ${(c.median / d.median).toFixed(2)}x, p95 ${(c.p95 / d.p95).toFixed(2)}x`,
  );
}

function unexpectedAnswers(sent: Sent[], status: number): string[] {
  return sent
    .filter((s) => s.status !== status)
    .map((s) => `${s.name}: answered ${s.status} ${s.body.slice(0, 200)}`);
}

/** Every console submission is one succeeded operation and one new VM with the same id. */
async function verify(t: LoadTargets, agent: Agent, sent: Sent[], before: number) {
  const problems: string[] = [];
  const answered = new Map(
    sent.map((s) => [s.name, s.status === 201 ? (JSON.parse(s.body) as { vm: string }) : null]),
  );
  const operations = (await history(t, agent)).filter((op) => answered.has(op.spec.name));
  const vms = await allVms(t, agent);
  const newVms = vms.list.filter((vm) => answered.has(vm.name));
  if (vms.count - before !== TOTAL)
    problems.push(`the simulator gained ${vms.count - before} VMs, not ${TOTAL}`);
  for (const name of answered.keys()) {
    const ops = operations.filter((op) => op.spec.name === name);
    const made = newVms.filter((vm) => vm.name === name);
    if (ops.length !== 1) problems.push(`${name}: ${ops.length} operations in the history`);
    if (made.length !== 1) problems.push(`${name}: ${made.length} VMs in the simulator`);
    const op = ops[0];
    if (op && op.state !== "succeeded") problems.push(`${name}: operation ${op.state}`);
    if (op && made[0] && op.vm !== made[0].vm)
      problems.push(`${name}: history says ${op.vm}, the simulator has ${made[0].vm}`);
    if (op && answered.get(name) && answered.get(name)!.vm !== op.vm)
      problems.push(`${name}: answered ${answered.get(name)!.vm}, history says ${op.vm}`);
  }
  return problems;
}

/** The whole history of the environment, page by page. */
async function history(t: LoadTargets, agent: Agent): Promise<Operation[]> {
  const all: Operation[] = [];
  for (let offset = 0; ; offset += 200) {
    const page = await getJson<{ items: Operation[]; total: number }>(
      `${t.consoleUrl}/api/environments/${t.env}/operations?limit=200&offset=${offset}`,
      { cookie: t.cookie },
      agent,
    );
    all.push(...page.items);
    if (page.items.length === 0 || all.length >= page.total) return all;
  }
}

async function allVms(t: LoadTargets, agent: Agent) {
  const list = await getJson<{ vm: string; name: string }[]>(
    `${t.simUrl}/api/vcenter/vm`,
    { "vmware-api-session-id": t.token },
    agent,
  );
  return { list, count: list.length };
}

async function getJson<T>(url: string, headers: Record<string, string>, agent: Agent): Promise<T> {
  const res = await request(url, { headers, dispatcher: agent });
  const text = await res.body.text();
  if (res.statusCode !== 200)
    throw new Error(`GET ${url}: ${res.statusCode} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}
