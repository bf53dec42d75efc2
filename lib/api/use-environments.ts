import { queryOptions, useQuery } from "@tanstack/react-query";
import * as z from "zod/mini";

import { environmentSummarySchema } from "@/lib/schemas/inventory";

import { fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";

export const environmentsQuery = () =>
  queryOptions({
    queryKey: queryKeys.environments(),
    queryFn: ({ signal }) =>
      fetchJson("/api/environments", { schema: z.array(environmentSummarySchema), signal }),
  });

export const useEnvironments = () => useQuery(environmentsQuery());
