import { formHref } from "@/components/environment/hrefs";

/**
 * Where to go after login: `next` when it is a path on this console, else the environment's form.
 * "//evil.example" and "/\evil.example" are other hosts to a browser, so they are refused.
 */
export function safeNext(next: string | undefined, env: string): string {
  const fallback = formHref(env);
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\"))
    return fallback;
  return next;
}
