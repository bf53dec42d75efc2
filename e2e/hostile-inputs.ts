import { PASSWORD, USERS } from "./users";

// Generated hostile input for every console route: ids that try to climb out of their path,
// bodies of the wrong shape, and values vCenter must never see.

export const hostileIds = [
  "../session",
  "..%2fsession",
  "%2e%2e%2f",
  "%2e%2e%2fsession",
  "vm-1%2f..%2f..%2fsession",
  "vm-1/../../session",
  "%2f%2fevil.example",
  "vm-1%0d%0aX-Injected:%201",
  "vm-1%00",
  "vm-%EF%BC%91",
  "VM-1",
  "vm-",
  "vm-1.json",
  "vm-99999999999999",
  "%252e%252e%252f",
  "group-v3",
  "';DROP TABLE operations;--",
  "<script>alert(1)</script>",
  "~",
  "%",
];

const junk: unknown[] = [
  null,
  true,
  0,
  -1,
  1e309,
  "",
  " ",
  "x".repeat(100_000),
  [],
  {},
  [null],
  { $ne: null },
  "\u0000",
  "\r\nX: y",
  "é漢字🙂",
  "../session",
  "//evil.example",
];

function nested(depth: number): unknown {
  let value: unknown = "deep";
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

// The few junk values that are in fact fine for a field: a printable name, an empty map.
function isValid(field: string, value: unknown): boolean {
  if (field === "disconnect_all_nics") return typeof value === "boolean";
  if (field === "name")
    return (
      typeof value === "string" &&
      value.trim().length > 0 &&
      value.trim().length <= 80 &&
      !/[\u0000-\u001f\u007f]/.test(value)
    );
  if (field.endsWith("_to_update") || field === "placement") return JSON.stringify(value) === "{}";
  return false;
}

const specFields = [
  "source",
  "name",
  "placement",
  "nics_to_update",
  "disconnect_all_nics",
  "serial_ports_to_update",
  "parallel_ports_to_update",
  "bios_uuid",
];

/** Instant-clone bodies that are each wrong somewhere (the console must refuse every one). */
export function hostileCloneBodies(): unknown[] {
  const ok = { source: "vm-1005", name: "hostile" };
  const bodies: unknown[] = [
    null,
    [],
    "text",
    42,
    {},
    nested(2000),
    JSON.parse('{"__proto__": {"polluted": true}}'),
  ];
  for (const field of specFields)
    for (const value of junk) if (!isValid(field, value)) bodies.push({ ...ok, [field]: value });
  for (const value of junk) {
    bodies.push({ ...ok, extra: value });
    bodies.push({ ...ok, constructor: { prototype: value } });
    bodies.push({ ...ok, placement: { folder: value } });
    bodies.push({ ...ok, placement: { resource_pool: value, datastore: "datastore-11" } });
    bodies.push({
      ...ok,
      nics_to_update: { "4000": { backing: { type: "STANDARD_PORTGROUP", network: value } } },
    });
    bodies.push({ ...ok, nics_to_update: { "4000": { mac_type: value } } });
    bodies.push({ ...ok, serial_ports_to_update: { "9000": { backing: { type: value } } } });
    // A key of digits is a well-formed device key (vCenter decides whether the VM has it).
    if (!/^\d+$/.test(String(value)))
      bodies.push({
        ...ok,
        parallel_ports_to_update: { [String(value).slice(0, 50)]: { start_connected: true } },
      });
  }
  for (const id of hostileIds)
    bodies.push({ ...ok, source: decodeURIComponent(id.replace(/%(?![0-9A-F]{2})/gi, "%25")) });
  return bodies.filter((b) => JSON.stringify(b) !== JSON.stringify(ok));
}

/** Query strings the VM list must refuse. */
export const hostileVmQueries = [
  "limit=abc",
  "limit=-1",
  "limit=0",
  "limit=1000000",
  "limit=1e3x",
  "power_state=ON",
  "power_state=powered_on",
  "power_state=POWERED_ON%00",
  `q=${"x".repeat(200)}`,
  "folder=../session",
  "folder=%2e%2e%2f",
  "folder=group-v3%0d%0a",
  "unknown=1",
  // (No "__proto__=1": Next.js drops that key from the URL before any handler sees it, so the
  // request is a plain list; the body tests cover "__proto__" keys.)
  "constructor=1",
];

export const hostileOperationQueries = [
  "outcome=done",
  "limit=x",
  "limit=0",
  "offset=-5",
  "extra=1",
  "limit=100000",
];

/** Login bodies that are each wrong. */
export function hostileLoginBodies(): unknown[] {
  const bodies: unknown[] = [null, [], "text", {}, { username: "a" }, { password: "b" }];
  for (const value of junk.filter(
    (v) => typeof v !== "string" || v.trim() === "" || v.length > 10_000,
  )) {
    bodies.push({ username: value, password: PASSWORD });
    // A password of spaces is a password (vCenter judges it); only the username is trimmed.
    if (typeof value !== "string" || value === "" || value.length > 1024)
      bodies.push({ username: USERS.admin, password: value });
  }
  bodies.push({ username: USERS.admin, password: PASSWORD, extra: 1 });
  return bodies;
}
