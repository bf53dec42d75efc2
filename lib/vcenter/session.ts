import "server-only";

import type { EnvironmentRuntime } from "@/lib/config/runtime";

import { type UpstreamLog, vcenterFetch } from "./client";
import { sessionInfoSchema, sessionTokenSchema } from "./vcenter-schemas";

/** Logs an operator into vCenter; the token is handed back to go into the encrypted cookie. */
export async function login(
  runtime: EnvironmentRuntime,
  username: string,
  password: string,
  log?: UpstreamLog,
): Promise<string> {
  const basic = Buffer.from(`${username}:${password}`, "utf8").toString("base64");
  return vcenterFetch(
    runtime,
    {
      method: "POST",
      path: "/api/session",
      headers: { authorization: `Basic ${basic}` },
      schema: sessionTokenSchema,
    },
    log,
  );
}

/** Who the token belongs to; a 401 means the operator must log in again. */
export async function currentUser(
  runtime: EnvironmentRuntime,
  session: string,
  log?: UpstreamLog,
): Promise<string> {
  const info = await vcenterFetch(
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
  await vcenterFetch(runtime, { method: "DELETE", path: "/api/session", session }, log);
}
