import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { vcenterErrorDetails } from "@/lib/schemas/api-error";

import type { VcenterContext } from "./context";
import { VcenterError } from "./errors";
import { apiFlavour, toRestPath } from "./flavour";
import { instantClone } from "./instant-clone";
import { listVms } from "./inventory";
import { listNetworks } from "./placement-lists";
import { currentUser } from "./session";
import { simulatorContext } from "./test-runtime";
import { getVm } from "./vm";

describe("toRestPath", () => {
  it("moves list filters under filter. and keeps the action", () => {
    expect(toRestPath("/api/vcenter/vm?names=a&names=b&power_states=POWERED_ON")).toBe(
      "/rest/vcenter/vm?filter.names=a&filter.names=b&filter.power_states=POWERED_ON",
    );
    expect(toRestPath("/api/vcenter/vm?action=instant-clone")).toBe(
      "/rest/vcenter/vm?action=instant-clone",
    );
    expect(toRestPath("/api/vcenter/vm/vm-1")).toBe("/rest/vcenter/vm/vm-1");
  });
});

describe("a vCenter 7.0 that offers only /rest", () => {
  let close: () => Promise<void>;
  let ctx: VcenterContext;
  beforeAll(async () => {
    const started = await simulatorContext({ mode: "rest" });
    ctx = started.ctx;
    close = () => started.sim.close();
  });
  afterAll(() => close());

  it("is detected as /rest, and logs in, lists and reads there", async () => {
    expect(await apiFlavour(ctx.runtime)).toBe("rest");
    expect(await currentUser(ctx.runtime, ctx.session)).toMatch(/administrator/i);
    const source = (await listVms(ctx, { q: "dev-ubuntu-01", limit: 1 })).items[0];
    const vm = await getVm(ctx, source.vm);
    expect(vm.nics.map((n) => n.key)).toEqual(["4000"]);
    expect(vm.serial_ports.map((p) => p.key)).toEqual(["9000"]);
  });

  it("instant-clones with maps sent as key/value pairs", async () => {
    const source = (await listVms(ctx, { q: "dev-ubuntu-01", limit: 1 })).items[0];
    const target = (await listNetworks(ctx)).find((n) => n.name === "pg-dev-ephemeral")!;
    const id = await instantClone(ctx, {
      source: source.vm,
      name: "rest-clone-01",
      nics_to_update: {
        "4000": { backing: { type: "DISTRIBUTED_PORTGROUP", network: target.network } },
      },
      serial_ports_to_update: { "9000": { start_connected: false } },
    });
    const clone = await getVm(ctx, id);
    expect(clone.nics[0].backing.network).toBe(target.network);
  });

  it("keeps vCenter's /rest error body and reads its type", async () => {
    const err = await instantClone(ctx, { source: "vm-999999", name: "nope" }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(VcenterError);
    const { status, body } = err as VcenterError;
    expect(status).toBe(404);
    expect(body).toMatchObject({ type: "com.vmware.vapi.std.errors.not_found" });
    expect(vcenterErrorDetails(body).errorType).toBe("NOT_FOUND");
  });
});

describe("a vCenter 6.7", () => {
  it("answers an instant clone with one clear message: it needs vCenter 7.0", async () => {
    const { sim, ctx } = await simulatorContext({ mode: "legacy67" });
    try {
      const source = (await listVms(ctx, { q: "dev-ubuntu-01", limit: 1 })).items[0];
      const err = (await instantClone(ctx, { source: source.vm, name: "old" }).catch(
        (e: unknown) => e,
      )) as VcenterError;
      expect(err.message).toMatch(/^Instant clone over REST needs vCenter 7\.0 or later/);
      expect(err.body).toMatchObject({ type: "com.vmware.vapi.std.errors.unexpected_input" });
    } finally {
      await sim.close();
    }
  });
});
