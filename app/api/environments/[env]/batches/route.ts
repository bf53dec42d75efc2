import { NextResponse } from "next/server";

import { acceptBatch } from "@/lib/batches/accept";
import { batchStore } from "@/lib/batches/batch-store";
import { idempotencyKeyOf } from "@/lib/batches/route-params";
import { withOperator } from "@/lib/http/env-route";
import { readJsonObject } from "@/lib/http/read-json";

// POST /api/environments/{env}/batches – check a batch whole, record it, run it on the server
export const POST = withOperator(async ({ req, envId, operator, vcenter }) => {
  const idempotencyKey = idempotencyKeyOf(req);
  const body = await readJsonObject(req);
  const { id, created } = await acceptBatch(vcenter, {
    env: envId,
    operator,
    body,
    ...(idempotencyKey ? { idempotencyKey } : {}),
  });
  const summary = await batchStore().summary(envId, id);
  const location = `/api/environments/${envId}/batches/${id}`;
  return NextResponse.json(
    { batch: id, ...summary, page: `/e/${envId}/batches/${id}`, replayed: !created },
    { status: 202, headers: { location } },
  );
});

// GET /api/environments/{env}/batches – the environment's batches, newest first
export const GET = withOperator(async ({ envId }) =>
  NextResponse.json({ items: await batchStore().list(envId, 100) }),
);
