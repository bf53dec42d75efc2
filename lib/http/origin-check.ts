import "server-only";

import { ConsoleError } from "./console-error";
import { publicUrl } from "./public-url";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses changes that another site's page could have sent in the operator's name. Browsers
 * send Sec-Fetch-Site and Origin on every cross-site POST; scripts (curl) send neither.
 */
export function checkSameOrigin(req: Request): void {
  if (SAFE_METHODS.has(req.method)) return;
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none")
    throw new ConsoleError(403, "Cross-site requests may not change anything in this console");
  const origin = req.headers.get("origin");
  if (origin && origin !== ownOrigin(req))
    throw new ConsoleError(403, "Cross-site requests may not change anything in this console");
}

function ownOrigin(req: Request): string {
  const configured = publicUrl();
  if (configured) return configured.origin;
  const url = new URL(req.url);
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? url.host;
  const proto = req.headers.get("x-forwarded-proto") ?? url.protocol.replace(":", "");
  return `${proto}://${host}`;
}

/** Whether cookies get Secure: CONSOLE_PUBLIC_URL's scheme when set, else the request's. */
export function isHttps(req: Request): boolean {
  const configured = publicUrl();
  if (configured) return configured.protocol === "https:";
  return (
    (req.headers.get("x-forwarded-proto") ?? new URL(req.url).protocol.replace(":", "")) === "https"
  );
}
