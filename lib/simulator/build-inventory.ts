import { Inventory } from "./inventory";
import { FIXTURE_VMS } from "./inventory-fixtures";
import { buildLayout } from "./inventory-layout";
import { randomVmSpecs } from "./inventory-random";
import { createVm } from "./vm-factory";

/** The whole inventory for a seed: the fixed layout, the fixture VMs, then seeded random VMs. */
export function buildInventory(seed: number, vmCount: number): Inventory {
  const inv = new Inventory(seed);
  buildLayout(inv, vmCount);
  const fixtures = FIXTURE_VMS.slice(0, vmCount);
  for (const spec of fixtures) inv.addVm(createVm(inv, spec));
  for (const spec of randomVmSpecs(inv, vmCount - fixtures.length)) inv.addVm(createVm(inv, spec));
  return inv;
}
