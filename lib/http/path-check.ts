/**
 * What is wrong with a request path before Next.js routes it, or undefined: text that is not
 * percent-encoding ("/api/health%", "/e/%zz") makes the router fail with a bare text/plain 500,
 * and an encoded dot segment ("/api/%2e%2e/health") would be resolved to another path.
 */
export function pathProblem(rawUrl: string): string | undefined {
  const rawPath = rawUrl.split("?")[0];
  let decoded: string[];
  try {
    decoded = rawPath.split("/").map((segment) => decodeURIComponent(segment));
  } catch {
    return "The path is not valid percent-encoding";
  }
  if (decoded.some((segment) => segment === "." || segment === ".."))
    return "The path may not contain . or .. segments";
  return undefined;
}
