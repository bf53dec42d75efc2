import { NextResponse } from "next/server";

import { clientAddress } from "@/lib/http/client-address";
import { withEnvironment, withOperator } from "@/lib/http/env-route";
import { noQuery } from "@/lib/http/query-params";
import { readJsonObject } from "@/lib/http/read-json";
import {
  clearSessionCookie,
  cookieName,
  forgetSession,
  sealSession,
  setSessionCookie,
} from "@/lib/http/session-cookie";
import { isHttps } from "@/lib/http/origin-check";
import { beginLogin } from "@/lib/login-throttle/throttle";
import { revokeSession } from "@/lib/session/revoked-sessions";
import { dropInventory } from "@/lib/inventory/vms";
import { loginSchema } from "@/lib/schemas/inventory";
import { NetworkError, VcenterError } from "@/lib/vcenter/errors";
import { currentUser, login, logout } from "@/lib/vcenter/session";
import { otherMethods } from "@/lib/http/method-not-allowed";

// POST /api/environments/{env}/session – log into this environment's vCenter as the operator
export const POST = withEnvironment(async ({ req, envId, runtime, upstreamLog }) => {
  noQuery(req);
  const { username, password } = loginSchema.parse(await readJsonObject(req));
  // Counted before vCenter sees it (a 429 when this client has guessed too often).
  const attempt = await beginLogin(envId, clientAddress(req), username);
  let token: string;
  try {
    token = await login(runtime, username, password, upstreamLog);
  } catch (err) {
    if (err instanceof VcenterError && err.status === 401) await attempt.failed();
    else await attempt.unjudged();
    throw err;
  }
  await attempt.succeeded();
  const user = await currentUser(runtime, token, upstreamLog);
  const res = NextResponse.json({ user });
  setSessionCookie(res, envId, await sealSession(envId, { token, user }), isHttps(req));
  return res;
});

// GET /api/environments/{env}/session – who is logged in (asks vCenter, so expiry shows)
export const GET = withOperator(async ({ req, runtime, vcenter }) => {
  noQuery(req);
  return NextResponse.json({ user: await currentUser(runtime, vcenter.session, vcenter.log) });
});

// DELETE /api/environments/{env}/session – log out here and in vCenter. The session is revoked
// and the cookie cleared whatever vCenter answers: an operator who logged out is logged out of the console
// even when vCenter is unreachable (its session then ends on its own idle timeout).
export const DELETE = withOperator(async ({ req, envId, runtime, vcenter, operator }) => {
  const sealed = req.cookies.get(cookieName(envId))?.value;
  await revokeSession(envId, vcenter.session);
  forgetSession(envId, sealed);
  dropInventory(envId, operator.user);
  try {
    await logout(runtime, vcenter.session, vcenter.log);
  } catch (err) {
    // Expired already (401), or vCenter did not answer: the upstream log line has the status,
    // and the session is revoked in the console either way.
    if (!(err instanceof VcenterError || err instanceof NetworkError)) throw err;
  }
  const res = new NextResponse(null, { status: 204 });
  clearSessionCookie(res, envId, isHttps(req));
  return res;
});

export const { PUT, PATCH } = otherMethods("GET", "POST", "DELETE");
