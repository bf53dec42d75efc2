import type { InstantCloneSpec } from "@/lib/schemas/instant-clone";

// What instant clone checks, per resource, as the operation's documentation lists them
// (vsphere-api/FACTS.md §1 "Privileges").

export type PrivilegeRow = { resource: string; target: string; privileges: string[] };

export function requiredPrivileges(
  spec: InstantCloneSpec | undefined,
  nameOf: (id: string) => string | undefined = () => undefined,
): PrivilegeRow[] {
  const label = (id: string | undefined, fallback: string) =>
    id ? (nameOf(id) ? `${nameOf(id)} (${id})` : id) : fallback;
  const networks = new Set(
    Object.values(spec?.nics_to_update ?? {}).flatMap((nic) =>
      nic.backing ? [nic.backing.network] : [],
    ),
  );
  return [
    {
      resource: "Source VM",
      target: label(spec?.source, "the source VM"),
      privileges: [
        "VirtualMachine.Provisioning.Clone",
        "VirtualMachine.Inventory.CreateFromExisting",
      ],
    },
    {
      resource: "Folder",
      target: label(spec?.placement?.folder, "the source's folder"),
      privileges: ["VirtualMachine.Interact.PowerOn"],
    },
    {
      resource: "Resource pool",
      target: label(spec?.placement?.resource_pool, "the source's resource pool"),
      privileges: ["Resource.AssignVMToPool"],
    },
    {
      resource: "Datastore",
      target: label(spec?.placement?.datastore, "the source's datastore"),
      privileges: ["Datastore.AllocateSpace"],
    },
    ...(networks.size > 0
      ? [...networks].map((network) => ({
          resource: "Network",
          target: label(network, network),
          privileges: ["Network.Assign"],
        }))
      : [
          {
            resource: "Network",
            target: "each network a NIC is moved to",
            privileges: ["Network.Assign"],
          },
        ]),
  ];
}
