// `npm run bench`: the console's own cost, measured in one run against the simulator with no
// added latency: GET vms and instant-clone, called directly on the simulator and through the
// console. Needs a production build (`npm run build`).
import { existsSync } from "node:fs";
import path from "node:path";

import { timeCalls, report } from "./latency";
import { loadBench } from "./load";
import { reportPageWeights } from "./page-weight";
import { startConsoleProcess, startSimulatorProcess } from "./servers";

const WARMUP = 30;
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 300);
const PASSWORD = "VMware1!";
const USER = "administrator@vsphere.local";

async function main() {
  if (!existsSync(path.resolve(import.meta.dirname, "../../.next/BUILD_ID")))
    throw new Error("No production build: run `npm run build` first");
  const sim = await startSimulatorProcess(18789);
  const app = await startConsoleProcess(13789, sim.url);
  try {
    const token = await directLogin(sim.url);
    const cookie = await consoleLogin(app.url);
    const direct = { "vmware-api-session-id": token };
    const viaConsole = { cookie };

    // dev-ubuntu-01: a running VM on a standard portgroup, so thousands of clones never run
    // out of distributed ports (a static-binding portgroup holds 64).
    const vms = await fetch(`${sim.url}/api/vcenter/vm?names=dev-ubuntu-01`, { headers: direct });
    const source = ((await vms.json()) as { vm: string }[])[0].vm;
    let n = 0;
    const cloneBody = () => ({ source, name: `bench-${process.pid}-${n++}` });

    const listDirect = {
      method: "GET" as const,
      url: `${sim.url}/api/vcenter/vm?power_states=POWERED_ON`,
      headers: direct,
      expect: 200,
    };
    const listConsole = {
      method: "GET" as const,
      url: `${app.url}/api/environments/bench/vms?power_state=POWERED_ON`,
      headers: viaConsole,
      expect: 200,
    };
    const cloneDirect = {
      method: "POST" as const,
      url: `${sim.url}/api/vcenter/vm?action=instant-clone`,
      headers: direct,
      body: cloneBody,
      expect: 200,
    };
    const cloneConsole = {
      method: "POST" as const,
      url: `${app.url}/api/environments/bench/instant-clone`,
      headers: viaConsole,
      body: cloneBody,
      expect: 201,
    };

    // The floor: the simplest route of each server (no vCenter call, no session), so the
    // report shows how much of the console's added time is Next.js serving any route at all.
    const floorDirect = {
      method: "GET" as const,
      url: `${sim.url}/__sim/health`,
      headers: {},
      expect: 200,
    };
    const floorConsole = {
      method: "GET" as const,
      url: `${app.url}/api/health`,
      headers: {},
      expect: 200,
    };

    for (const call of [
      floorDirect,
      floorConsole,
      listDirect,
      listConsole,
      cloneDirect,
      cloneConsole,
    ])
      await timeCalls(call, WARMUP);
    console.log(
      `bench: ${SAMPLES} sequential calls each, after ${WARMUP} warm-up calls; simulator with no added latency`,
    );
    // Interleave direct and console rounds so that machine noise hits both alike.
    const times = {
      floorDirect: [] as number[],
      floorConsole: [] as number[],
      listDirect: [] as number[],
      listConsole: [] as number[],
      cloneDirect: [] as number[],
      cloneConsole: [] as number[],
    };
    for (let round = 0; round < 10; round++) {
      times.floorDirect.push(...(await timeCalls(floorDirect, SAMPLES / 10)));
      times.floorConsole.push(...(await timeCalls(floorConsole, SAMPLES / 10)));
      times.listDirect.push(...(await timeCalls(listDirect, SAMPLES / 10)));
      times.listConsole.push(...(await timeCalls(listConsole, SAMPLES / 10)));
      times.cloneDirect.push(...(await timeCalls(cloneDirect, SAMPLES / 10)));
      times.cloneConsole.push(...(await timeCalls(cloneConsole, SAMPLES / 10)));
    }
    report("health (floor)", times.floorDirect, times.floorConsole);
    report("GET vms", times.listDirect, times.listConsole);
    report("instant-clone", times.cloneDirect, times.cloneConsole);

    await loadBench({ simUrl: sim.url, consoleUrl: app.url, env: "bench", token, cookie, source });
    await reportPageWeights(app.url, cookie);
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
