import { describe, expect, it } from "vitest";

import { clientAddress, trustedProxies } from "./client-address";
import { pathProblem } from "./path-check";
import { isPublicHost, publicUrl } from "./public-url";

// The peer stamp's nonce lives on globalThis; a request built here carries a matching stamp.
const nonce = () => (globalThis as { __iccPeerStamp?: { nonce: string } }).__iccPeerStamp!.nonce;

async function request(peer: string, forwardedFor?: string) {
  await import("./peer-address");
  const headers: Record<string, string> = { "x-icc-peer": `${nonce()} ${peer}` };
  if (forwardedFor) headers["x-forwarded-for"] = forwardedFor;
  return new Request("http://console.test/api/x", { headers });
}

describe("clientAddress", () => {
  it("is the socket's address when no proxy is trusted, whatever X-Forwarded-For says", async () => {
    delete process.env.CONSOLE_TRUSTED_PROXIES;
    expect(clientAddress(await request("::ffff:10.0.0.7", "1.2.3.4"))).toBe("10.0.0.7");
  });

  it("is the rightmost untrusted hop behind trusted proxies", async () => {
    process.env.CONSOLE_TRUSTED_PROXIES = "127.0.0.1, 10.1.0.0/16";
    expect(clientAddress(await request("127.0.0.1", "6.6.6.6, 9.9.9.9, 10.1.2.3"))).toBe("9.9.9.9");
    // A peer that is not a trusted proxy is the client, whatever it forwards.
    expect(clientAddress(await request("10.2.0.1", "9.9.9.9"))).toBe("10.2.0.1");
    delete process.env.CONSOLE_TRUSTED_PROXIES;
  });

  it("is one unknown client for a request without a valid stamp", () => {
    const forged = new Request("http://console.test/", {
      headers: { "x-icc-peer": "guess 1.2.3.4" },
    });
    expect(clientAddress(forged)).toBe("unknown");
  });

  it("refuses a trusted-proxies entry that is not an address or range", () => {
    expect(() => trustedProxies("10.0.0.0/8, proxy.example")).toThrow(/proxy\.example/);
    expect(() => trustedProxies("10.0.0.0/33")).toThrow(/10\.0\.0\.0\/33/);
  });
});

describe("public URL and host", () => {
  it("takes an origin only and compares hosts with default ports dropped", () => {
    const url = publicUrl("https://Clones.Example.internal");
    expect(isPublicHost("clones.example.internal", url)).toBe(true);
    expect(isPublicHost("clones.example.internal:443", url)).toBe(true);
    expect(isPublicHost("evil.example", url)).toBe(false);
    expect(() => publicUrl("https://clones.example.internal/console")).toThrow(/without a path/);
    expect(() => publicUrl("clones")).toThrow(/not a URL/);
  });
});

describe("pathProblem", () => {
  it.each([
    ["/api/health%", "The path is not valid percent-encoding"],
    ["/api/%zz", "The path is not valid percent-encoding"],
    ["/api/%2e%2e/health", "The path may not contain . or .. segments"],
    ["/api/%2E/health?x", "The path may not contain . or .. segments"],
    ["/api/environments/sim/vms?q=%zz", undefined],
    ["/e/sim/history", undefined],
  ])("%s", (path, problem) => expect(pathProblem(path)).toBe(problem));
});
