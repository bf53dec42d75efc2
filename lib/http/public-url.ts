import "server-only";

// CONSOLE_PUBLIC_URL: the address operators open the console at, such as
// https://clones.example.internal. When set, it is the only Host the console answers (a page of
// another site whose name was re-pointed at the console, DNS rebinding, is refused), it is the
// console's own origin for the cross-site check, and it decides whether cookies are Secure
// behind a proxy that ends TLS. Unset, any Host is answered; start-up says so.

export class PublicUrlError extends Error {}

let parsed: { source: string; url: URL | undefined } | undefined;

export function publicUrl(source = process.env.CONSOLE_PUBLIC_URL ?? ""): URL | undefined {
  if (parsed?.source === source) return parsed.url;
  let url: URL | undefined;
  if (source.trim()) {
    try {
      url = new URL(source.trim());
    } catch {
      throw new PublicUrlError(`CONSOLE_PUBLIC_URL: "${source.slice(0, 80)}" is not a URL`);
    }
    if (
      (url.protocol !== "https:" && url.protocol !== "http:") ||
      url.pathname !== "/" ||
      url.search ||
      url.hash ||
      url.username ||
      url.password
    )
      throw new PublicUrlError(
        `CONSOLE_PUBLIC_URL: "${source.slice(0, 80)}" must be an http or https origin such as https://clones.example.internal, without a path`,
      );
  }
  parsed = { source, url };
  return url;
}

/** The host:port the request was sent to, as the browser wrote it (lower case). */
export function requestedHost(headers: Headers, viaTrustedProxy: boolean): string {
  const forwarded = viaTrustedProxy ? headers.get("x-forwarded-host") : null;
  // Each proxy appends its own; the rightmost is the one the nearest (trusted) proxy received.
  const host = forwarded ? forwarded.split(",").at(-1)!.trim() : (headers.get("host") ?? "");
  return host.toLowerCase();
}

/** Whether a request for `host` is one the console answers. */
export function isPublicHost(host: string, url = publicUrl()): boolean {
  if (!url) return true;
  const defaultPort = url.protocol === "https:" ? ":443" : ":80";
  const bare = host.endsWith(defaultPort) ? host.slice(0, -defaultPort.length) : host;
  return bare === url.host.toLowerCase();
}
