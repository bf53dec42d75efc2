// Every React Query key in one factory, so invalidation cannot drift from the queries.
// Everything of one environment sits under ["env", id], cleared together on login and logout.

export type VmFilter = { q: string; power_state?: string; limit: number };

export const queryKeys = {
  environments: () => ["environments"] as const,
  environment: (env: string) => ["env", env] as const,
  session: (env: string) => ["env", env, "session"] as const,
  vms: (env: string, filter: VmFilter) => ["env", env, "vms", filter] as const,
  vm: (env: string, vm: string) => ["env", env, "vm", vm] as const,
  vmPlacement: (env: string, vm: string) => ["env", env, "vm-placement", vm] as const,
  folders: (env: string) => ["env", env, "folders"] as const,
  resourcePools: (env: string) => ["env", env, "resource-pools"] as const,
  datastores: (env: string) => ["env", env, "datastores"] as const,
  networks: (env: string) => ["env", env, "networks"] as const,
  operations: (env: string, filter: { outcome?: string; offset: number }) =>
    ["env", env, "operations", filter] as const,
  operation: (env: string, id: string) => ["env", env, "operation", id] as const,
  guest: (env: string, vm: string) => ["env", env, "guest", vm] as const,
};
