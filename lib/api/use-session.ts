import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import * as z from "zod/mini";

import { type LoginInput, sessionInfoSchema } from "@/lib/schemas/inventory";

import { envPath, fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";

export const sessionQuery = (env: string) =>
  queryOptions({
    queryKey: queryKeys.session(env),
    queryFn: ({ signal }) =>
      fetchJson(envPath(env, "/session"), { schema: sessionInfoSchema, signal }),
    // A 401 is an answer ("not logged in"), not a failure worth asking again.
    retry: false,
  });

/** The operator's vCenter user in this environment; fails with a 401 ApiError when logged out. */
export const useSession = (env: string) => useQuery(sessionQuery(env));

export function useLogin(env: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) =>
      fetchJson(envPath(env, "/session"), {
        method: "POST",
        body: input,
        schema: sessionInfoSchema,
      }),
    onSuccess: async (session) => {
      // Lists fetched under the old (or no) session may hold 401s: fetch them again.
      await queryClient.invalidateQueries({ queryKey: queryKeys.environment(env) });
      queryClient.setQueryData(queryKeys.session(env), session);
    },
  });
}

export function useLogout(env: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      fetchJson(envPath(env, "/session"), { method: "DELETE", schema: z.unknown() }),
    onSettled: () => queryClient.removeQueries({ queryKey: queryKeys.environment(env) }),
  });
}
