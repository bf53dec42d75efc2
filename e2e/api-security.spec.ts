import { expect, test, uniqueName } from "./fixtures";
import { findSource, getJson } from "./inventory";

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
  await page.goto("http://localhost:13000/api/health");
  const status = await page.evaluate(
    async ({ vm, name }) => {
      try {
        const res = await fetch("http://127.0.0.1:13000/api/environments/sim/instant-clone", {
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
    { vm: source.vm, name },
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
