import { checkClonePrivileges } from "./clone-privileges";
import { createClone } from "./clone-create";
import { planClone } from "./clone-rules";
import { parseInstantCloneSpec } from "./clone-spec";
import type { ApiReply, ApiRequest } from "./router";

/** POST /api/vcenter/vm?action=instant-clone: 200 with the new VM's id as a bare JSON string. */
export function instantClone(req: ApiRequest): ApiReply {
  const inv = req.sim.inventory;
  if (!req.session) throw new Error("instant clone needs a session");
  checkClonePrivileges(inv, req.session.user, req.body);
  const plan = planClone(inv, parseInstantCloneSpec(req.body));
  const vm = createClone(inv, plan, req.sim.guestReadyMs);
  // Each clone adds a delta disk to a source that is not frozen (a frozen one is already a parent).
  if (!plan.source.frozen) plan.source.deltaDisks = (plan.source.deltaDisks ?? 0) + 1;
  inv.addVm(vm);
  return { status: 200, body: vm.id };
}
