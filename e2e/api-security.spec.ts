import { expect, test, uniqueName } from "./fixtures";
import { findSource, getJson } from "./inventory";
import { CONSOLE_PORT, consoleUrl } from "./ports";

test("a POST with a foreign Origin clones nothing", async ({ admin }) => {
  const source = await findSource(admin, () => true);
  const name = uniqueName("csrf");
  const foreign: Record<string, string>[] = [
    { origin: "https://evil.example" },
    { "sec-fetch-site": "cross-site" },
  ];
  for (const headers of foreign) {
    const res = await admin.post("/api/environments/sim/instant-clone", {
      headers,
      data: { source: source.vm, name },
    });
    expect(res.status()).toBe(403);
    expect((await res.json()).error.origin).toBe("console");
  }
  expect(
    (await getJson<{ total: number }>(admin, `/api/environments/sim/vms?q=${name}`)).total,
  ).toBe(0);
});

test("a page on another origin cannot clone with the operator's cookie", async ({
  page,
  admin,
  context,
}) => {
  const source = await findSource(admin, () => true);
  const name = uniqueName("csrf-page");
  // Log the browser in, then let a page of another origin (127.0.0.2) post to the console.
  const login = await context.request.post("/api/environments/sim/session", {
    data: { username: "administrator@vsphere.local", password: "VMware1!" },
  });
  expect(login.status()).toBe(200);
  await page.goto(`http://localhost:${CONSOLE_PORT}/api/health`);
  const status = await page.evaluate(
    async ({ vm, name, url }) => {
      try {
        const res = await fetch(`${url}/api/environments/sim/instant-clone`, {
          method: "POST",
          credentials: "include",
          headers: { "content-type": "text/plain" },
          body: JSON.stringify({ source: vm, name }),
        });
        return res.status;
      } catch {
        return "blocked";
      }
    },
    { vm: source.vm, name, url: consoleUrl },
  );
  expect(status === "blocked" || status === 403 || status === 401).toBe(true);
  expect(
    (await getJson<{ total: number }>(admin, `/api/environments/sim/vms?q=${name}`)).total,
  ).toBe(0);
});

test("responses carry the security headers", async ({ request }) => {
  for (const path of ["/", "/api/health", "/api/environments"]) {
    const res = await request.get(path);
    const headers = res.headers();
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"], path).not.toContain("unsafe-eval");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("same-origin");
  }
});

test("a path no console API serves answers the console's 404 envelope, never a page", async ({
  admin,
}) => {
  const paths = [
    "/api/nothing-here",
    "/api/environments/sim%2fvms",
    "/api/environments/sim/vms%2f..%2fsession",
    "/api/environments/sim/no-such-route",
  ];
  for (const path of paths)
    for (const res of [await admin.get(path), await admin.delete(path)]) {
      expect(res.status(), path).toBe(404);
      expect(res.headers()["content-type"], path).toContain("application/json");
      expect((await res.json()).error, path).toMatchObject({ origin: "console", status: 404 });
    }
  // A path that is not valid percent-encoding is the console's 400, not the router's 500.
  const bad = await admin.get("/api/environments/sim/vms/%zz");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toMatchObject({ origin: "console", status: 400 });
});
