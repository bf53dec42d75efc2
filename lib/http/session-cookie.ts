import "server-only";

import { createHash } from "node:crypto";

import { EncryptJWT, jwtDecrypt } from "jose";
import type { NextResponse } from "next/server";

import { consoleSecret } from "@/lib/config/data-dir";
import { isRevoked } from "@/lib/session/revoked-sessions";

/** What the encrypted cookie holds: the vCenter token and who it belongs to. Never a password. */
export interface OperatorSession {
  token: string;
  user: string;
}

// vCenter's default idle timeout is 30 minutes and its sessions cannot outlive a day; the
// cookie ends no later than that, so it never outlives the token it carries.
const MAX_AGE_SECONDS = 12 * 60 * 60;

// One cookie per environment, told apart by its name. Its path is the whole console, so that the
// pages' server render can read it too (the form comes with its first VM page). Until that, the
// path was the environment's API: a browser may still hold a cookie there, cleared at login and
// logout so that it never holds two sessions for one environment.
export const cookieName = (env: string) => `icc_${env}`;
export const COOKIE_PATH = "/";
export const oldCookiePath = (env: string) => `/api/environments/${env}`;

let key: Uint8Array | undefined;
const encryptionKey = () => (key ??= createHash("sha256").update(consoleSecret()).digest());

export async function sealSession(env: string, session: OperatorSession): Promise<string> {
  return new EncryptJWT({ t: session.token, u: session.user })
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setIssuedAt()
    .setAudience(env)
    .setExpirationTime(`${MAX_AGE_SECONDS}s`)
    .encrypt(encryptionKey());
}

// Opening a cookie costs about half a millisecond; the same cookie comes with every request of
// a session, so what it holds is kept (until its own expiry) for the next one.
// On globalThis: every route bundle of the process shares it, so a logout forgets it everywhere.
const opened = ((
  globalThis as { __iccOpened?: Map<string, { session: OperatorSession; expires: number }> }
).__iccOpened ??= new Map());
const MAX_OPENED = 1_000;

export async function openSession(
  env: string,
  sealed: string | undefined,
): Promise<OperatorSession | undefined> {
  if (!sealed) return undefined;
  const session = await openSealed(env, sealed);
  // Asked every time, not kept with the opened cookie: another process may have revoked it.
  return session && !(await isRevoked(env, session.token)) ? session : undefined;
}

async function openSealed(env: string, sealed: string): Promise<OperatorSession | undefined> {
  const key = `${env}\n${sealed}`;
  const hit = opened.get(key);
  if (hit && hit.expires > Date.now()) return hit.session;
  try {
    const { payload } = await jwtDecrypt(sealed, encryptionKey(), { audience: env });
    if (typeof payload.t !== "string" || typeof payload.u !== "string") return undefined;
    const session = { token: payload.t, user: payload.u };
    if (opened.size >= MAX_OPENED) opened.delete(opened.keys().next().value!);
    opened.set(key, { session, expires: (payload.exp ?? 0) * 1000 });
    return session;
  } catch {
    return undefined; // tampered, expired, or sealed with another secret: not logged in
  }
}

/** Forgets an opened cookie at logout, so it cannot be used from the cache afterwards. */
export function forgetSession(env: string, sealed: string | undefined): void {
  if (sealed) opened.delete(`${env}\n${sealed}`);
}

export function setSessionCookie(
  res: NextResponse,
  env: string,
  sealed: string,
  secure: boolean,
): void {
  res.cookies.set(cookieName(env), sealed, {
    httpOnly: true,
    sameSite: "strict",
    secure,
    path: COOKIE_PATH,
    maxAge: MAX_AGE_SECONDS,
  });
  clearOldPathCookie(res, env, secure);
}

export function clearSessionCookie(res: NextResponse, env: string, secure: boolean): void {
  res.cookies.set(cookieName(env), "", {
    httpOnly: true,
    sameSite: "strict",
    secure,
    path: COOKIE_PATH,
    maxAge: 0,
  });
  clearOldPathCookie(res, env, secure);
}

// Appended after res.cookies.set, which keys cookies by name only (it would keep one of the
// two) and rewrites every Set-Cookie header from that map when called.
function clearOldPathCookie(res: NextResponse, env: string, secure: boolean): void {
  res.headers.append(
    "set-cookie",
    [
      `${cookieName(env)}=`,
      `Path=${oldCookiePath(env)}`,
      "Expires=Thu, 01 Jan 1970 00:00:00 GMT",
      "Max-Age=0",
      ...(secure ? ["Secure"] : []),
      "HttpOnly",
      "SameSite=Strict",
    ].join("; "),
  );
}
