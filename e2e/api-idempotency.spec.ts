import { expect, test, uniqueName } from "./fixtures";
import { findSource, getJson } from "./inventory";

test("20 concurrent submissions with one Idempotency-Key make one VM and one operation", async ({
  admin,
}) => {
  const source = await findSource(admin, () => true);
  const name = uniqueName("idem");
  const key = `idem-${name}`.slice(0, 100);
  const answers = await Promise.all(
    Array.from({ length: 20 }, () =>
      admin.post("/api/environments/sim/instant-clone", {
        headers: { "Idempotency-Key": key },
        data: { source: source.vm, name },
      }),
    ),
  );
  const bodies = await Promise.all(answers.map((r) => r.json()));
  expect(answers.map((r) => r.status())).toEqual(Array(20).fill(201));
  expect(new Set(bodies.map((b) => b.vm)).size).toBe(1);
  expect(new Set(bodies.map((b) => b.operation)).size).toBe(1);

  const vms = await getJson<{ items: { vm: string }[] }>(
    admin,
    `/api/environments/sim/vms?q=${name}`,
  );
  expect(vms.items).toHaveLength(1);
  const ops = await getJson<{ items: { id: string; spec: { name: string } }[] }>(
    admin,
    "/api/environments/sim/operations?limit=200",
  );
  expect(ops.items.filter((op) => op.spec.name === name)).toHaveLength(1);
});

test("a reused Idempotency-Key with another body is refused, not sent", async ({ admin }) => {
  const source = await findSource(admin, () => true);
  const name = uniqueName("idem-diff");
  const key = `key-${name}`.slice(0, 100);
  const first = await admin.post("/api/environments/sim/instant-clone", {
    headers: { "Idempotency-Key": key },
    data: { source: source.vm, name },
  });
  expect(first.status()).toBe(201);
  const second = await admin.post("/api/environments/sim/instant-clone", {
    headers: { "Idempotency-Key": key },
    data: { source: source.vm, name: `${name}-b` },
  });
  expect(second.status()).toBe(422);
  expect((await second.json()).error).toMatchObject({
    origin: "console",
    field_errors: { "Idempotency-Key": expect.any(String) },
  });
  const vms = await getJson<{ total: number }>(admin, `/api/environments/sim/vms?q=${name}-b`);
  expect(vms.total).toBe(0);
});
