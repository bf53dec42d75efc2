import { NextResponse } from "next/server";

import { withOperator } from "@/lib/http/env-route";
import { readJsonObject } from "@/lib/http/read-json";
import { instantCloneSpecSchema } from "@/lib/schemas/instant-clone";
import { instantClone } from "@/lib/vcenter/instant-clone";

// POST /api/environments/{env}/instant-clone – check the spec, then instant-clone in vCenter
export const POST = withOperator(async ({ req, vcenter }) => {
  const spec = instantCloneSpecSchema.parse(await readJsonObject(req));
  const vm = await instantClone(vcenter, spec);
  return NextResponse.json({ vm, name: spec.name }, { status: 201 });
});
