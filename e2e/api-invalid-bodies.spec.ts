import { expect, loginAs, SimControl, test, USERS } from "./fixtures";
import { invalidSimUrl } from "./ports";

// Bodies the console must refuse itself: 400, origin "console", a field error naming each bad
// field, and not one instant-clone call reaching vCenter. Run against the `invalid` simulator,
// serially, so its call log holds only this file's traffic.
test.describe.configure({ mode: "serial" });

const ok = { source: "vm-1001", name: "refused" };
const cases: { title: string; body: unknown; fields: string[] }[] = [
  { title: "empty object", body: {}, fields: ["source", "name"] },
  { title: "no name", body: { source: "vm-1001" }, fields: ["name"] },
  { title: "blank name", body: { ...ok, name: "   " }, fields: ["name"] },
  { title: "name over 80 characters", body: { ...ok, name: "x".repeat(81) }, fields: ["name"] },
  { title: "source that is a path", body: { ...ok, source: "../session" }, fields: ["source"] },
  { title: "source of the wrong type", body: { ...ok, source: 1001 }, fields: ["source"] },
  { title: "unknown top-level field", body: { ...ok, power_on: true }, fields: ["power_on"] },
  {
    title: "host in placement",
    body: { ...ok, placement: { host: "host-9" } },
    fields: ["placement.host"],
  },
  {
    title: "folder id of a VM",
    body: { ...ok, placement: { folder: "vm-1" } },
    fields: ["placement.folder"],
  },
  {
    title: "datastore id with a slash",
    body: { ...ok, placement: { datastore: "datastore-1/../x" } },
    fields: ["placement.datastore"],
  },
  {
    title: "NIC key that is not digits",
    body: { ...ok, nics_to_update: { abc: { start_connected: true } } },
    fields: ["nics_to_update.abc"],
  },
  {
    title: "MANUAL MAC without an address",
    body: { ...ok, nics_to_update: { "4000": { mac_type: "MANUAL" } } },
    fields: ["nics_to_update.4000.mac_address"],
  },
  {
    title: "malformed MAC",
    body: {
      ...ok,
      nics_to_update: { "4000": { mac_type: "MANUAL", mac_address: "00:50:56:zz:00:01" } },
    },
    fields: ["nics_to_update.4000.mac_address"],
  },
  {
    title: "MAC address with GENERATED",
    body: {
      ...ok,
      nics_to_update: { "4000": { mac_type: "GENERATED", mac_address: "00:50:56:00:00:01" } },
    },
    fields: ["nics_to_update.4000.mac_address"],
  },
  {
    title: "HOST_DEVICE ethernet backing",
    body: {
      ...ok,
      nics_to_update: { "4000": { backing: { type: "HOST_DEVICE", network: "network-12" } } },
    },
    fields: ["nics_to_update.4000.backing.type"],
  },
  {
    title: "network id that is a path",
    body: {
      ...ok,
      nics_to_update: {
        "4000": { backing: { type: "STANDARD_PORTGROUP", network: "//evil.example" } },
      },
    },
    fields: ["nics_to_update.4000.backing.network"],
  },
  {
    title: "FILE serial backing without a file",
    body: { ...ok, serial_ports_to_update: { "9000": { backing: { type: "FILE" } } } },
    fields: ["serial_ports_to_update.9000.backing.file"],
  },
  {
    title: "serial network location that is no URI",
    body: {
      ...ok,
      serial_ports_to_update: {
        "9000": { backing: { type: "NETWORK_SERVER", network_location: "port 22" } },
      },
    },
    fields: ["serial_ports_to_update.9000.backing.network_location"],
  },
  {
    title: "pipe backing on a parallel port",
    body: {
      ...ok,
      parallel_ports_to_update: { "10000": { backing: { type: "PIPE_SERVER", pipe: "p" } } },
    },
    fields: ["parallel_ports_to_update.10000.backing.type"],
  },
  {
    title: "malformed BIOS UUID",
    body: { ...ok, bios_uuid: "12345678-abcd-1234-cdef" },
    fields: ["bios_uuid"],
  },
  {
    title: "disconnect_all_nics as text",
    body: { ...ok, disconnect_all_nics: "yes" },
    fields: ["disconnect_all_nics"],
  },
  { title: "a JSON array", body: [ok], fields: ["body"] },
  {
    title: "__proto__ key",
    body: JSON.parse('{"source":"vm-1001","name":"p","__proto__":{"admin":true}}'),
    fields: ["__proto__"],
  },
];

test.describe("invalid instant-clone bodies", () => {
  test.beforeAll(async ({ request }) => {
    await request.delete(`${invalidSimUrl}/__sim/calls`);
  });

  for (const c of cases) {
    test(`refuses ${c.title}`, async ({ playwright }) => {
      const api = await loginAs(playwright, USERS.admin, "invalid");
      const res = await api.post("/api/environments/invalid/instant-clone", { data: c.body });
      expect(res.status()).toBe(400);
      const { error } = await res.json();
      expect(error.origin).toBe("console");
      expect(error.status).toBe(400);
      expect(Object.keys(error.field_errors).sort()).toEqual([...c.fields].sort());
      for (const field of c.fields) expect(error.field_errors[field]).toMatch(/\w/);
      await api.dispose();
    });
  }

  test("refuses a body that is not JSON", async ({ playwright }) => {
    const api = await loginAs(playwright, USERS.admin, "invalid");
    const res = await api.post("/api/environments/invalid/instant-clone", {
      headers: { "content-type": "application/json" },
      data: "{source: vm-1}",
    });
    expect(res.status()).toBe(400);
    expect((await res.json()).error).toMatchObject({
      origin: "console",
      field_errors: { body: expect.any(String) },
    });
    await api.dispose();
  });

  test("none of them reached vCenter", async ({ request }) => {
    const clones = (await new SimControl(request, invalidSimUrl).calls("/api/vcenter/vm")).filter(
      (c) => c.method === "POST",
    );
    expect(clones).toEqual([]);
  });
});
