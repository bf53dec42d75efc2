import "server-only";

import { z } from "zod";

import type { EnvironmentRuntime } from "@/lib/config/runtime";

import { type UpstreamLog, vcenterFetch } from "./client";
import { apiFlavour } from "./flavour";
import { sessionInfoSchema, sessionTokenSchema } from "./vcenter-schemas";

const REST_SESSION = "/rest/com/vmware/cis/session";
const wrapped = <T>(schema: z.ZodType<T>): z.ZodType<T> =>
  z.object({ value: schema }).transform((answer) => answer.value as T);

/** Logs an operator into vCenter; the token is handed back to go into the encrypted cookie. */
export async function login(
  runtime: EnvironmentRuntime,
  username: string,
  password: string,
  log?: UpstreamLog,
): Promise<string> {
  const basic = Buffer.from(`${username}:${password}`, "utf8").toString("base64");
  const headers = { authorization: `Basic ${basic}` };
  if ((await apiFlavour(runtime, log)) === "rest")
    return vcenterFetch(
      runtime,
      { method: "POST", path: REST_SESSION, headers, schema: wrapped(sessionTokenSchema) },
      log,
    );
  return vcenterFetch(
    runtime,
    { method: "POST", path: "/api/session", headers, schema: sessionTokenSchema },
    log,
  );
}

/** Who the token belongs to; a 401 means the operator must log in again. */
export async function currentUser(
  runtime: EnvironmentRuntime,
  session: string,
  log?: UpstreamLog,
): Promise<string> {
  const info =
    (await apiFlavour(runtime, log)) === "rest"
      ? await vcenterFetch(
          runtime,
          {
            method: "POST",
            path: `${REST_SESSION}?~action=get`,
            session,
            schema: wrapped(sessionInfoSchema),
          },
          log,
        )
      : await vcenterFetch(
          runtime,
          { path: "/api/session", session, schema: sessionInfoSchema },
          log,
        );
  return info.user;
}

export async function logout(
  runtime: EnvironmentRuntime,
  session: string,
  log?: UpstreamLog,
): Promise<void> {
  const path = (await apiFlavour(runtime, log)) === "rest" ? REST_SESSION : "/api/session";
  await vcenterFetch(runtime, { method: "DELETE", path, session }, log);
}
