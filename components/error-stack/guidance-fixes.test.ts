import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { ApiError } from "@/lib/api/api-error";
import { type Reply, startTestSimulator, type TestSimulator } from "@/lib/simulator/test-support";

import { chooseGuidance, type GuidanceId } from "./choose-guidance";

// The simulator's rule and the advice agree on what fixes it: each fault the simulator can be
// made to answer gets the paragraph for its cause, and doing what that paragraph says (against
// the same simulator) makes the clone, which the simulator then holds.

let t: TestSimulator;
let token: string;

beforeAll(async () => {
  t = await startTestSimulator();
});
beforeEach(async () => {
  await t.client.call("POST", "/__sim/reset");
  token = await t.client.login();
});
afterAll(() => t.sim.close());

let counter = 0;
const fresh = () => `fix-${counter++}`;

type Spec = Record<string, unknown>;
const clone = (body: Spec, as = token) =>
  t.client.call("POST", "/api/vcenter/vm?action=instant-clone", { token: as, body });
const patchVm = async (vm: string, change: Spec) =>
  expect((await t.client.call("PATCH", `/__sim/vms/${vm}`, { body: change })).status).toBe(200);
// Read with a session of its own: one test expires every session on purpose.
const named = async (name: string) =>
  (
    await t.client.call("GET", `/api/vcenter/vm?names=${name}`, {
      token: await t.client.login(),
    })
  ).body as unknown[];

/** The reply as the console hands it to the page: vCenter's body in the error envelope. */
const asApiError = (reply: Reply) =>
  new ApiError({
    origin: "vcenter",
    status: reply.status,
    message: "vCenter refused the clone",
    vcenter: reply.body as never,
  });

/** The refusal gets `paragraph`; after the fix the clone `name` is made and listed. */
async function expectAdviceThenFix(
  refused: Reply,
  paragraph: GuidanceId,
  fixed: () => Promise<Reply>,
  name: string,
) {
  expect(refused.status, JSON.stringify(refused.body)).toBeGreaterThanOrEqual(400);
  expect(chooseGuidance(asApiError(refused))).toBe(paragraph);
  expect(await named(name)).toEqual([]);
  const made = await fixed();
  expect(made.status, JSON.stringify(made.body)).toBe(200);
  expect(await named(name)).toHaveLength(1);
}

describe("each refusal's advice, followed, makes the clone", () => {
  it("privilege: a placement where the operator holds it (Dev, not Prod)", async () => {
    const operator = await t.client.login("operator@vsphere.local");
    const name = fresh();
    const spec = { source: "vm-1007", name };
    await expectAdviceThenFix(
      await clone({ ...spec, placement: { folder: "group-v30" } }, operator),
      "privilege",
      () => clone({ ...spec, placement: { folder: "group-v31" } }, operator),
      name,
    );
  });

  it("port-connected: leave the connected port's backing as it is", async () => {
    const name = fresh();
    const file = { type: "FILE", file: `[local-esx-b1] ${name}/serial.log` };
    const spec = { source: "vm-1006", name };
    // What the old advice said (do not start it connected) still fails.
    const notConnected = await clone({
      ...spec,
      serial_ports_to_update: { "9001": { backing: file, start_connected: false } },
    });
    expect(chooseGuidance(asApiError(notConnected))).toBe("port-connected");
    await expectAdviceThenFix(
      await clone({ ...spec, serial_ports_to_update: { "9001": { backing: file } } }),
      "port-connected",
      () => clone({ ...spec, serial_ports_to_update: { "9001": { start_connected: false } } }),
      name,
    );
  });

  it.each([
    ["vm-1003", "powered off"],
    ["vm-1004", "suspended"],
  ])("source-power: power the %s source on (%s)", async (source) => {
    const name = fresh();
    const refused = await clone({ source, name });
    await expectAdviceThenFix(
      refused,
      "source-power",
      async () => {
        await patchVm(source, { power_state: "POWERED_ON" });
        return clone({ source, name });
      },
      name,
    );
  });

  it("name-taken: another name", async () => {
    const name = fresh();
    await expectAdviceThenFix(
      await clone({ source: "vm-1005", name: "dev-app-01" }),
      "name-taken",
      () => clone({ source: "vm-1005", name }),
      name,
    );
  });

  it("port-taken: leave the port empty and vCenter picks a free one", async () => {
    const name = fresh();
    const backing = { type: "DISTRIBUTED_PORTGROUP", network: "dvportgroup-20" };
    await expectAdviceThenFix(
      // Port 0 is the source's own.
      await clone({
        source: "vm-1001",
        name,
        nics_to_update: { "4001": { backing: { ...backing, distributed_port: "0" } } },
      }),
      "port-taken",
      () => clone({ source: "vm-1001", name, nics_to_update: { "4001": { backing } } }),
      name,
    );
  });

  it("ports-exhausted: put the adapter on another network", async () => {
    // pg-prod-static has ports 0-63; the source and other VMs hold some, and each clone of the
    // source takes one more, until none is left.
    let filled = 0;
    while ((await clone({ source: "vm-1001", name: fresh() })).status === 200) filled++;
    expect(filled).toBeGreaterThan(0);
    expect(filled).toBeLessThan(64);
    const name = fresh();
    await expectAdviceThenFix(
      await clone({ source: "vm-1001", name }),
      "ports-exhausted",
      () =>
        clone({
          source: "vm-1001",
          name,
          nics_to_update: {
            "4001": { backing: { type: "STANDARD_PORTGROUP", network: "network-12" } },
          },
        }),
      name,
    );
  });

  it.each([
    ["datastore", { placement: { datastore: "datastore-25" } }],
    ["resource pool", { placement: { resource_pool: "resgroup-29" } }],
    [
      "network",
      {
        nics_to_update: {
          "4000": { backing: { type: "STANDARD_PORTGROUP", network: "network-23" } },
        },
      },
    ],
  ])("off-host (%s): Same as source, which the host reaches", async (_, outOfReach) => {
    const name = fresh();
    await expectAdviceThenFix(
      await clone({ source: "vm-1005", name, ...outOfReach }),
      "off-host",
      () => clone({ source: "vm-1005", name }),
      name,
    );
  });

  it("delta-disks: freeze the source", async () => {
    await patchVm("vm-1005", { delta_disks: 255 });
    const name = fresh();
    await expectAdviceThenFix(
      await clone({ source: "vm-1005", name }),
      "delta-disks",
      async () => {
        await patchVm("vm-1005", { instant_clone_frozen: true });
        return clone({ source: "vm-1005", name });
      },
      name,
    );
  });

  it("gone: choose the folder again", async () => {
    const name = fresh();
    await expectAdviceThenFix(
      await clone({ source: "vm-1005", name, placement: { folder: "group-v9999" } }),
      "gone",
      () => clone({ source: "vm-1005", name, placement: { folder: "group-v31" } }),
      name,
    );
  });

  it("value-refused: correct the value vCenter names (a unicast MAC)", async () => {
    const name = fresh();
    const nic = (mac_address: string) => ({
      nics_to_update: { "4000": { mac_type: "MANUAL", mac_address } },
    });
    await expectAdviceThenFix(
      await clone({ source: "vm-1005", name, ...nic("01:00:5e:00:00:fb") }),
      "value-refused",
      () => clone({ source: "vm-1005", name, ...nic("00:50:56:01:02:03") }),
      name,
    );
  });

  it("busy: try again", async () => {
    const fault = {
      kind: "error",
      status: 503,
      match: { method: "POST", path: "/api/vcenter/vm" },
    };
    expect((await t.client.call("POST", "/__sim/faults", { body: fault })).status).toBe(201);
    const name = fresh();
    await expectAdviceThenFix(
      await clone({ source: "vm-1005", name }),
      "busy",
      () => clone({ source: "vm-1005", name }),
      name,
    );
  });

  it("log-in-again: a new session", async () => {
    await t.client.call("POST", "/__sim/sessions/expire");
    const name = fresh();
    await expectAdviceThenFix(
      await clone({ source: "vm-1005", name }),
      "log-in-again",
      async () => clone({ source: "vm-1005", name }, await t.client.login()),
      name,
    );
  });

  it("guest-not-ready: wait until the guest's Tools report", async () => {
    const name = fresh();
    const made = await clone({ source: "vm-1005", name });
    const vm = made.body as string;
    await patchVm(vm, { tools_running: false });
    const identity = () => t.client.call("GET", `/api/vcenter/vm/${vm}/guest/identity`, { token });
    const silent = await identity();
    expect(silent.status).toBe(503);
    expect(chooseGuidance(asApiError(silent))).toBe("guest-not-ready");
    await patchVm(vm, { tools_running: true });
    expect((await identity()).status).toBe(200);
  });
});

describe("too-old: a vCenter of 7.0 or later clones what 6.7 refuses", () => {
  let legacy: TestSimulator;
  beforeAll(async () => {
    legacy = await startTestSimulator({ mode: "legacy67" });
  });
  afterAll(() => legacy.sim.close());

  it("6.7 answers A5; the same spec on /api makes the clone", async () => {
    const login = await legacy.client.call("POST", "/rest/com/vmware/cis/session", {
      headers: legacy.client.basic("administrator@vsphere.local"),
    });
    const legacyToken = (login.body as { value: string }).value;
    const name = fresh();
    const refused = await legacy.client.call("POST", "/rest/vcenter/vm?action=instant-clone", {
      token: legacyToken,
      body: { spec: { source: "vm-1005", name } },
    });
    await expectAdviceThenFix(refused, "too-old", () => clone({ source: "vm-1005", name }), name);
  });
});
