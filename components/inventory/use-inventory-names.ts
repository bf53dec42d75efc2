import {
  useDatastores,
  useFolders,
  useNetworks,
  useResourcePools,
} from "@/lib/api/use-placement-lists";

/** id → display name across the placement and network lists already loaded for the form. */
export function useInventoryNames(env: string): (id: string) => string | undefined {
  const folders = useFolders(env).data ?? [];
  const pools = useResourcePools(env).data ?? [];
  const datastores = useDatastores(env).data ?? [];
  const networks = useNetworks(env).data ?? [];
  const names = new Map<string, string>([
    ...folders.map((f) => [f.folder, f.name] as const),
    ...pools.map((p) => [p.resource_pool, p.name] as const),
    ...datastores.map((d) => [d.datastore, d.name] as const),
    ...networks.map((n) => [n.network, n.name] as const),
  ]);
  return (id) => names.get(id);
}
