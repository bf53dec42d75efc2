import { NextResponse } from "next/server";

import { withEnvironment, withOperator } from "@/lib/http/env-route";
import { beforeLogin, clientAddress, loginFailed, loginSucceeded } from "@/lib/http/login-throttle";
import { readJsonObject } from "@/lib/http/read-json";
import {
  clearSessionCookie,
  cookieName,
  forgetSession,
  sealSession,
  setSessionCookie,
} from "@/lib/http/session-cookie";
import { isHttps } from "@/lib/http/origin-check";
import { dropInventory } from "@/lib/inventory/vms";
import { loginSchema } from "@/lib/schemas/inventory";
import { VcenterError } from "@/lib/vcenter/errors";
import { currentUser, login, logout } from "@/lib/vcenter/session";

// POST /api/environments/{env}/session – log into this environment's vCenter as the operator
export const POST = withEnvironment(async ({ req, envId, runtime, upstreamLog }) => {
  const { username, password } = loginSchema.parse(await readJsonObject(req));
  const client = clientAddress(req);
  await beforeLogin(envId, client, username);
  let token: string;
  try {
    token = await login(runtime, username, password, upstreamLog);
  } catch (err) {
    if (err instanceof VcenterError && err.status === 401) loginFailed(envId, client, username);
    throw err;
  }
  loginSucceeded(envId, client, username);
  const user = await currentUser(runtime, token, upstreamLog);
  const res = NextResponse.json({ user });
  setSessionCookie(res, envId, await sealSession(envId, { token, user }), isHttps(req));
  return res;
});

// GET /api/environments/{env}/session – who is logged in (asks vCenter, so expiry shows)
export const GET = withOperator(async ({ runtime, vcenter }) => {
  return NextResponse.json({ user: await currentUser(runtime, vcenter.session, vcenter.log) });
});

// DELETE /api/environments/{env}/session – log out here and in vCenter
export const DELETE = withOperator(async ({ req, envId, runtime, vcenter, operator }) => {
  dropInventory(envId, operator.user);
  try {
    await logout(runtime, vcenter.session, vcenter.log);
  } catch (err) {
    // An already expired vCenter session is as logged out as it gets.
    if (!(err instanceof VcenterError && err.status === 401)) throw err;
  }
  forgetSession(envId, req.cookies.get(cookieName(envId))?.value);
  const res = new NextResponse(null, { status: 204 });
  clearSessionCookie(res, envId, isHttps(req));
  return res;
});
