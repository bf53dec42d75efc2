import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterEach, describe, expect, it, vi } from "vitest";

// Several instances behind one balancer: a cookie sealed by one must open on the other. Each
// "instance" here is a fresh load of the cookie's modules (nothing cached from the other),
// with a data folder of its own; only CONSOLE_SECRET is shared.

const instance = async (
  secret: string | undefined,
  dataDir = mkdtempSync(path.join(tmpdir(), "icc-instance-")),
) => {
  vi.resetModules();
  // What a process keeps on globalThis (opened cookies, the revocation store) is not shared.
  delete (globalThis as { __iccRevoked?: unknown }).__iccRevoked;
  delete (globalThis as { __iccOpened?: unknown }).__iccOpened;
  process.env.CONSOLE_DATA_DIR = dataDir;
  if (secret === undefined) delete process.env.CONSOLE_SECRET;
  else process.env.CONSOLE_SECRET = secret;
  return import("@/lib/http/session-cookie");
};

afterEach(() => {
  delete process.env.CONSOLE_SECRET;
});

const session = { token: "vc-token-1", user: "ops@vsphere.local" };

describe("a session cookie across instances", () => {
  it("opens on another instance that shares CONSOLE_SECRET", async () => {
    const a = await instance("s".repeat(40));
    const sealed = await a.sealSession("lab", session);
    const b = await instance("s".repeat(40));
    expect(await b.openSession("lab", sealed)).toEqual(session);
  });

  it("does not open on an instance with another secret, nor with a secret of its own", async () => {
    const a = await instance("s".repeat(40));
    const sealed = await a.sealSession("lab", session);
    expect(await (await instance("t".repeat(40))).openSession("lab", sealed)).toBeUndefined();
    // Without CONSOLE_SECRET each instance generates one in its own data folder.
    expect(await (await instance(undefined)).openSession("lab", sealed)).toBeUndefined();
  });

  it("once revoked through one instance, opens on none that shares its store", async () => {
    // Here the data folder's SQLite file; on PostgreSQL the database (revoked-store.test.ts).
    const shared = mkdtempSync(path.join(tmpdir(), "icc-shared-"));
    const a = await instance("s".repeat(40), shared);
    const sealed = await a.sealSession("lab", session);
    const b = await instance("s".repeat(40), shared);
    expect(await b.openSession("lab", sealed)).toEqual(session);
    await (await import("@/lib/session/revoked-sessions")).revokeSession("lab", session.token);
    const c = await instance("s".repeat(40), shared);
    expect(await c.openSession("lab", sealed)).toBeUndefined();
  });
});
