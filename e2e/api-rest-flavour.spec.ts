import { expect, loginAs, test, uniqueName, USERS } from "./fixtures";
import { getJson, type NetworkItem, type VmDetail } from "./inventory";

// Older vCenters through the console: `rest` is a 7.0 with only /rest, `legacy` a 6.7. The
// console detects the flavour; the operator sees the same API and envelope.

test("the whole clone flow works against a vCenter with only /rest", async ({ playwright }) => {
  const api = await loginAs(playwright, USERS.admin, "rest");
  const { items } = await getJson<{ items: { vm: string; name: string }[] }>(
    api,
    "/api/environments/rest/vms?q=dev-ubuntu-01",
  );
  const source = await getJson<VmDetail>(api, `/api/environments/rest/vms/${items[0].vm}`);
  const networks = await getJson<{ items: NetworkItem[] }>(api, "/api/environments/rest/networks");
  const target = networks.items.find((n) => n.name === "pg-dev-ephemeral")!;
  const name = uniqueName("rest");
  const res = await api.post("/api/environments/rest/instant-clone", {
    data: {
      source: source.vm,
      name,
      nics_to_update: {
        [source.nics[0].key]: {
          backing: { type: target.type, network: target.network },
          mac_type: "MANUAL",
          mac_address: "00:50:56:2a:00:07",
        },
      },
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  const clone = await getJson<VmDetail>(api, `/api/environments/rest/vms/${(await res.json()).vm}`);
  expect(clone.nics[0]).toMatchObject({
    mac_type: "MANUAL",
    mac_address: "00:50:56:2a:00:07",
    backing: { network: target.network },
  });
  await api.dispose();
});

test("a /rest error reaches the operator in the same envelope, vCenter's body kept", async ({
  playwright,
}) => {
  const api = await loginAs(playwright, USERS.admin, "rest");
  const res = await api.post("/api/environments/rest/instant-clone", {
    data: { source: "vm-999999", name: "rest-nf" },
  });
  expect(res.status()).toBe(404);
  const { error } = await res.json();
  expect(error).toMatchObject({
    origin: "vcenter",
    status: 404,
    vcenter: {
      type: "com.vmware.vapi.std.errors.not_found",
      value: { messages: [expect.any(Object)] },
    },
  });
  expect(error.message).toBe(error.vcenter.value.messages[0].default_message);
  await api.dispose();
});

test("a vCenter 6.7 gets one clear message: instant clone needs 7.0", async ({ playwright }) => {
  const api = await loginAs(playwright, USERS.admin, "legacy");
  const { items } = await getJson<{ items: { vm: string }[] }>(
    api,
    "/api/environments/legacy/vms?q=dev-ubuntu-01",
  );
  const res = await api.post("/api/environments/legacy/instant-clone", {
    data: { source: items[0].vm, name: "old" },
  });
  expect(res.status()).toBe(400);
  const { error } = await res.json();
  expect(error.origin).toBe("vcenter");
  expect(error.message).toMatch(/^Instant clone over REST needs vCenter 7\.0 or later/);
  expect(error.vcenter).toMatchObject({ type: "com.vmware.vapi.std.errors.unexpected_input" });
  await api.dispose();
});
