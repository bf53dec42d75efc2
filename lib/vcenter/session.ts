import "server-only";

import { z } from "zod";

import type { EnvironmentRuntime } from "./runtime";

import { type UpstreamLog, vcenterFetch } from "./client";
import { apiFlavour } from "./flavour";
import { sessionInfoSchema, sessionTokenSchema } from "./vcenter-schemas";

const REST_SESSION = "/rest/com/vmware/cis/session";

// The three session calls as each flavour spells them; /rest answers inside {"value": …}.
const calls = {
  api: {
    login: ["POST", "/api/session"],
    get: ["GET", "/api/session"],
    logout: ["DELETE", "/api/session"],
  },
  rest: {
    login: ["POST", REST_SESSION],
    get: ["POST", `${REST_SESSION}?~action=get`],
    logout: ["DELETE", REST_SESSION],
  },
} as const;

const inValue = <T>(schema: z.ZodType<T>): z.ZodType<T> =>
  z.object({ value: schema }).transform((answer) => answer.value as T);
const schemas = {
  api: { token: sessionTokenSchema, info: sessionInfoSchema },
  rest: { token: inValue(sessionTokenSchema), info: inValue(sessionInfoSchema) },
};

/** Logs an operator into vCenter; the token is handed back to go into the encrypted cookie. */
export async function login(
  runtime: EnvironmentRuntime,
  username: string,
  password: string,
  log?: UpstreamLog,
): Promise<string> {
  const basic = Buffer.from(`${username}:${password}`, "utf8").toString("base64");
  const flavour = await apiFlavour(runtime, log);
  const [method, path] = calls[flavour].login;
  return vcenterFetch(
    runtime,
    { method, path, headers: { authorization: `Basic ${basic}` }, schema: schemas[flavour].token },
    log,
  );
}

/** Who the token belongs to; a 401 means the operator must log in again. */
export async function currentUser(
  runtime: EnvironmentRuntime,
  session: string,
  log?: UpstreamLog,
): Promise<string> {
  const flavour = await apiFlavour(runtime, log);
  const [method, path] = calls[flavour].get;
  const info = await vcenterFetch(
    runtime,
    { method, path, session, schema: schemas[flavour].info },
    log,
  );
  return info.user;
}

export async function logout(
  runtime: EnvironmentRuntime,
  session: string,
  log?: UpstreamLog,
): Promise<void> {
  const [method, path] = calls[await apiFlavour(runtime, log)].logout;
  await vcenterFetch(runtime, { method, path, session }, log);
}
