import "server-only";

import { trustedProxies } from "./client-address";
import { publicUrl } from "./public-url";

/** A door setting (CONSOLE_PUBLIC_URL, CONSOLE_TRUSTED_PROXIES) that stops start-up. */
export class DoorSettingsError extends Error {}

/** Checks the door settings once at start-up and says what they mean, one line each. */
export function doorSettings(): string[] {
  try {
    const url = publicUrl();
    const proxies = trustedProxies();
    return [
      url
        ? `CONSOLE_PUBLIC_URL ${url.origin}: requests for any other host are refused`
        : "CONSOLE_PUBLIC_URL is not set: requests for any Host are answered (set it to refuse DNS rebinding)",
      proxies
        ? `CONSOLE_TRUSTED_PROXIES ${process.env.CONSOLE_TRUSTED_PROXIES}: X-Forwarded-For and X-Forwarded-Host count only from these`
        : "CONSOLE_TRUSTED_PROXIES is not set: the client address is the connection's, X-Forwarded-For is ignored",
    ];
  } catch (err) {
    throw new DoorSettingsError((err as Error).message);
  }
}
