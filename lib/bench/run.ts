// `npm run bench`: the console's own cost, measured in one run against the simulator with no
// added latency: GET vms and instant-clone, called directly on the simulator and through the
// console; then the "scale" section (scale.ts) on a 50,000-VM simulator, which
// `npm run bench -- scale` runs alone, and the "history" section (history.ts: reads with 100,000
// operations recorded, on each store), which `npm run bench -- history` runs alone;
// `npm run bench -- weight` measures the page weights alone. Needs a
// production build (`npm run build`).
import { existsSync } from "node:fs";
import path from "node:path";

import { type Call, report, timeCalls } from "./latency";
import { batchBench } from "./batch";
import { batchStoresBench } from "./batch-stores";
import { historyBench } from "./history";
import { loadBench } from "./load";
import { reportPageWeights } from "./page-weight";
import { scaleBench } from "./scale";
import { startConsoleProcess, startSimulatorProcess } from "./servers";

const WARMUP = 30;
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 300);
const PASSWORD = "VMware1!";
const USER = "administrator@vsphere.local";

async function main() {
  if (process.argv[2] === "history") return historyBench();
  if (!existsSync(path.resolve(import.meta.dirname, "../../.next/BUILD_ID")))
    throw new Error("No production build: run `npm run build` first");
  // `npm run bench -- scale` runs the scale section alone.
  const only = process.argv[2];
  if (only === "scale") return scaleBench();
  // `npm run bench -- stores`: a batch of 500 on SQLite beside two instances on PostgreSQL.
  if (only === "stores") return batchStoresBench();
  // `npm run bench -- weight`: the page weights alone (a few seconds).
  if (only === "weight") return weightBench();
  const sim = await startSimulatorProcess(18789);
  const app = await startConsoleProcess(13789, sim.url);
  try {
    const token = await directLogin(sim.url);
    const cookie = await consoleLogin(app.url);
    const direct = { "vmware-api-session-id": token };
    const viaConsole = { cookie };

    // golden-win2022: a frozen VM on a standard portgroup, so thousands of clones never run
    // out of distributed ports (a static-binding portgroup holds 64) nor reach the 255 delta
    // disks a running, not frozen source allows (KB 67186).
    const vms = await fetch(`${sim.url}/api/vcenter/vm?names=golden-win2022`, { headers: direct });
    const source = ((await vms.json()) as { vm: string }[])[0].vm;
    let n = 0;
    const cloneBody = () => ({ source, name: `bench-${process.pid}-${n++}` });

    const get = (url: string, headers: Record<string, string>) =>
      ({ method: "GET", url, headers, expect: 200 }) as const;
    const post = (url: string, headers: Record<string, string>, expect: number) =>
      ({ method: "POST", url, headers, body: cloneBody, expect }) as const;
    // Each measure as [direct, through the console]. The floor is the simplest route of each
    // server (no vCenter call, no session): how much of the console's added time is Next.js
    // serving any route at all.
    const pairs: [string, Call, Call][] = [
      ["health (floor)", get(`${sim.url}/__sim/health`, {}), get(`${app.url}/api/health`, {})],
      [
        "GET vms",
        get(`${sim.url}/api/vcenter/vm?power_states=POWERED_ON`, direct),
        get(`${app.url}/api/environments/bench/vms?power_state=POWERED_ON`, viaConsole),
      ],
      [
        "instant-clone",
        post(`${sim.url}/api/vcenter/vm?action=instant-clone`, direct, 200),
        post(`${app.url}/api/environments/bench/instant-clone`, viaConsole, 201),
      ],
    ];

    async function latencyAndLoad() {
      for (const [, ...calls] of pairs) for (const call of calls) await timeCalls(call, WARMUP);
      console.log(
        `bench: ${SAMPLES} sequential calls each, after ${WARMUP} warm-up calls; simulator with no added latency`,
      );
      // Interleave direct and console rounds so that machine noise hits both alike.
      const times = pairs.map(() => ({ direct: [] as number[], viaConsole: [] as number[] }));
      for (let round = 0; round < 10; round++)
        for (const [index, [, directCall, consoleCall]] of pairs.entries()) {
          times[index].direct.push(...(await timeCalls(directCall, SAMPLES / 10)));
          times[index].viaConsole.push(...(await timeCalls(consoleCall, SAMPLES / 10)));
        }
      for (const [index, [label]] of pairs.entries())
        report(label, times[index].direct, times[index].viaConsole);

      await loadBench({
        simUrl: sim.url,
        consoleUrl: app.url,
        env: "bench",
        token,
        cookie,
        source,
      });
      await reportPageWeights(app.url, cookie);
    }

    // BENCH_SECTIONS=batch runs the batch section alone (it takes a minute or two by itself).
    if (process.env.BENCH_SECTIONS !== "batch") await latencyAndLoad();
    await batchBench({
      simUrl: sim.url,
      consoleUrl: app.url,
      env: "bench",
      token,
      cookie,
      consolePgid: app.pgid,
    });
  } finally {
    app.stop();
    sim.stop();
  }
  await scaleBench();
  await historyBench();
  await batchStoresBench();
}

async function weightBench() {
  const sim = await startSimulatorProcess(18789);
  const app = await startConsoleProcess(13789, sim.url);
  try {
    await reportPageWeights(app.url, await consoleLogin(app.url));
  } finally {
    app.stop();
    sim.stop();
  }
}

async function directLogin(url: string): Promise<string> {
  const res = await fetch(`${url}/api/session`, {
    method: "POST",
    headers: { authorization: `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString("base64")}` },
  });
  return (await res.json()) as string;
}

async function consoleLogin(url: string): Promise<string> {
  const res = await fetch(`${url}/api/environments/bench/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: USER, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`console login: ${res.status} ${await res.text()}`);
  return res.headers.getSetCookie()[0].split(";")[0];
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
