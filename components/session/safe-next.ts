import { formHref } from "@/components/environment/hrefs";

// A stand-in for the console's own origin: `next` is resolved against it as the browser would.
const OWN = "http://console.invalid";

/**
 * Where to go after login: `next` when it resolves, as a URL against the console's own origin,
 * to a path of this console; anything else goes to the environment's form. Browsers drop tabs
 * and line breaks inside URLs and read "\" as "/", so "/\t/evil.example" or "/\evil.example" is
 * "//evil.example", another site: the check is on the resolved URL, not on the text.
 */
export function safeNext(next: string | undefined, env: string): string {
  const fallback = formHref(env);
  if (!next || !next.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(next)) return fallback;
  let url: URL;
  try {
    url = new URL(next, OWN);
  } catch {
    return fallback;
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil.example" resolves to the path "//evil.example", itself a link to another site.
  if (url.origin !== OWN || !path.startsWith("/") || path.startsWith("//")) return fallback;
  return path;
}
