import "server-only";

import { createHash } from "node:crypto";

import { EncryptJWT, jwtDecrypt } from "jose";
import type { NextResponse } from "next/server";

import { consoleSecret } from "@/lib/config/data-dir";

/** What the encrypted cookie holds: the vCenter token and who it belongs to. Never a password. */
export interface OperatorSession {
  token: string;
  user: string;
}

// vCenter's default idle timeout is 30 minutes and its sessions cannot outlive a day; the
// cookie ends no later than that, so it never outlives the token it carries.
const MAX_AGE_SECONDS = 12 * 60 * 60;

export const cookieName = (env: string) => `icc_${env}`;
export const cookiePath = (env: string) => `/api/environments/${env}`;

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

export async function openSession(
  env: string,
  sealed: string | undefined,
): Promise<OperatorSession | undefined> {
  if (!sealed) return undefined;
  try {
    const { payload } = await jwtDecrypt(sealed, encryptionKey(), { audience: env });
    if (typeof payload.t !== "string" || typeof payload.u !== "string") return undefined;
    return { token: payload.t, user: payload.u };
  } catch {
    return undefined; // tampered, expired, or sealed with another secret: not logged in
  }
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
    path: cookiePath(env),
    maxAge: MAX_AGE_SECONDS,
  });
}

export function clearSessionCookie(res: NextResponse, env: string, secure: boolean): void {
  res.cookies.set(cookieName(env), "", {
    httpOnly: true,
    sameSite: "strict",
    secure,
    path: cookiePath(env),
    maxAge: 0,
  });
}
