import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { Agent, request } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type RunningSimulator, startSimulator } from "./index";

let sim: RunningSimulator;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "sim-tls-"));
  sim = await startSimulator({ tls: true, caFile: path.join(dir, "ca.pem"), quiet: true });
});
afterAll(async () => {
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

const login = (url: string, dispatcher?: Agent) =>
  request(`${url}/api/session`, {
    method: "POST",
    headers: {
      authorization: `Basic ${Buffer.from("administrator@vsphere.local:VMware1!").toString("base64")}`,
    },
    dispatcher,
  });

describe("TLS", () => {
  it("serves HTTPS and writes its CA to caFile", async () => {
    expect(sim.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(sim.caPem).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(await readFile(path.join(dir, "ca.pem"), "utf8")).toBe(sim.caPem);
  });

  it("is trusted by a client given the CA, for 127.0.0.1 and localhost", async () => {
    const agent = new Agent({ connect: { ca: sim.caPem } });
    for (const url of [sim.url, sim.url.replace("127.0.0.1", "localhost")]) {
      const res = await login(url, agent);
      expect(res.statusCode).toBe(201);
      expect(await res.body.json()).toMatch(/^[0-9a-f]{32}$/);
    }
    await agent.close();
  });

  it("is refused by a client without the CA", async () => {
    await expect(login(sim.url)).rejects.toMatchObject({
      code: expect.stringMatching(
        /SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY/,
      ),
    });
  });
});
