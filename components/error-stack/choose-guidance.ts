import type { ApiError } from "@/lib/api/api-error";

// Which advice an error gets, read from the message ids in vCenter's stack: one error_type has
// several causes (NOT_ALLOWED_IN_CURRENT_STATE is a powered-off source or a connected port;
// SERVICE_UNAVAILABLE is a restarting vCenter or a guest whose Tools have not reported), and
// advice for the wrong cause sends the operator to a fix that fails again. Ids as vCenter and
// vim print them (shared/vsphere-api/INSTANT-CLONE-FAULTS.md, FACTS.md): a vim fault arrives as
// `vim.fault.X`, `vmodl.fault.X` or `vmsg.X.summary`, so faults are matched by name.

export const GUIDANCE_IDS = [
  "login-refused",
  "log-in-again",
  "network",
  "privilege",
  "port-connected",
  "source-power",
  "host-state",
  "name-taken",
  "port-taken",
  "ports-exhausted",
  "off-host",
  "delta-disks",
  "device-unsupported",
  "device-inaccessible",
  "needs-vcenter",
  "too-old",
  "gone",
  "guest-not-ready",
  "busy",
  "resources",
  "value-refused",
  "vcenter-other",
  "console-fields",
  "cross-site",
] as const;
export type GuidanceId = (typeof GUIDANCE_IDS)[number];

type Stack = { ids: string[]; args: string[][]; errorType?: string };

/** A message id ends with one of `endings` (ids are dotted paths: match whole segments). */
const endsWith = (stack: Stack, ...endings: string[]) =>
  stack.ids.some((id) => endings.some((end) => id === end.slice(1) || id.endsWith(end)));

/** A vim fault by name, in any of the forms its id takes over REST. */
const fault = (stack: Stack, ...names: string[]) =>
  stack.ids.some((id) => names.some((name) => id.split(".").includes(name)));

/** The operation is unknown to this vCenter: /rest says so of the `action` query (A5). */
const operationUnknown = (stack: Stack) =>
  stack.ids.some(
    (id, i) =>
      id === "vapi.data.structure.field.unexpected" &&
      stack.args[i]?.[0] === "[action]" &&
      stack.args[i]?.[1] === "operation-input",
  ) ||
  stack.ids.includes("com.vmware.vapi.rest.httpNotFound") ||
  stack.errorType === "OPERATION_NOT_FOUND";

// vCenter's messages for a value it refuses: the stack names the value and, where it can, the
// form shows it on its field.
const VALUE_REFUSED =
  /\.(invalid|missing|not_allowed|invalid_type|type_mismatch|unsupported|not_applicable|not_static|mismatch)$/;

// In order: vCenter authorizes before it validates, and the more specific cause comes first.
const RULES: [GuidanceId, (stack: Stack) => boolean][] = [
  [
    "privilege",
    (s) => fault(s, "NoPermission") || s.ids.includes("vapi.security.authorization.invalid"),
  ],
  ["port-connected", (s) => endsWith(s, ".hardware.backing.not_allowed_in_current_state")],
  [
    "source-power",
    (s) =>
      endsWith(s, ".instant_clone.not_allowed_in_current_state") ||
      (fault(s, "InvalidPowerState") && !endsWith(s, ".delete.powered_on")),
  ],
  ["host-state", (s) => fault(s, "InvalidHostState")],
  ["name-taken", (s) => endsWith(s, ".name.already_exists") || fault(s, "DuplicateName")],
  ["port-taken", (s) => endsWith(s, ".distributed_port.in_use")],
  ["ports-exhausted", (s) => endsWith(s, ".distributed_port.exhausted")],
  [
    "off-host",
    (s) =>
      endsWith(
        s,
        ".placement.datastore.inaccessible",
        ".placement.resource_pool.disjoint",
        ".backing.network.not_on_host",
      ) || fault(s, "DatastoreNotWritableOnHost"),
  ],
  ["delta-disks", (s) => s.ids.includes("msg.migrate.prepare.failed")],
  ["device-unsupported", (s) => fault(s, "DeviceNotSupported")],
  ["device-inaccessible", (s) => fault(s, "CannotAccessVmDevice")],
  ["needs-vcenter", (s) => fault(s, "NotSupported")],
  ["too-old", operationUnknown],
  [
    "gone",
    (s) =>
      s.ids.some((id) => /^com\.vmware\.api\.vcenter\.[\w.]*not_found$/.test(id)) &&
      !endsWith(s, ".distributed_port.not_found"),
  ],
  ["guest-not-ready", (s) => endsWith(s, ".guest.information_not_available")],
  [
    "busy",
    (s) =>
      s.ids.includes("vapi.server.unavailable") ||
      (s.errorType === "SERVICE_UNAVAILABLE" && s.ids.length === 0),
  ],
  ["resources", (s) => fault(s, "InsufficientResourcesFault")],
  [
    "value-refused",
    (s) =>
      s.ids.some(
        (id) =>
          VALUE_REFUSED.test(id) ||
          id.endsWith(".distributed_port.not_found") ||
          id.startsWith("vapi.data.") ||
          id.startsWith("vapi.bindings.typeconverter.") ||
          id === "vapi.invoke.input.invalid" ||
          id.startsWith("vapi.protocol.server.rest.param."),
      ) || fault(s, "InvalidDatastorePath"),
  ],
];

/** The paragraph for this error, or none where the console has nothing useful to add. */
export function chooseGuidance(
  error: ApiError,
  { onLoginPage = false }: { onLoginPage?: boolean } = {},
): GuidanceId | undefined {
  if (error.needsLogin) return onLoginPage ? "login-refused" : "log-in-again";
  if (error.origin === "network") return "network";
  const messages = error.vcenterMessages;
  const stack: Stack = {
    ids: messages.map((m) => m.id),
    args: messages.map((m) => m.args ?? []),
    errorType: error.errorType,
  };
  const rule = RULES.find(([, applies]) => applies(stack));
  if (rule) return rule[0];
  if (error.origin === "vcenter") return "vcenter-other";
  if (error.origin === "console" && Object.keys(error.fieldErrors).length > 0)
    return "console-fields";
  // Only the origin check's 403: the console refuses other things with 403 too (deleting a VM
  // it did not make), and reloading would not change those.
  if (error.origin === "console" && error.status === 403 && /cross-site/i.test(error.message))
    return "cross-site";
  return undefined;
}
