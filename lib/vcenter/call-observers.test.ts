import { describe, expect, it } from "vitest";

import { notifyVcenterCall, observeVcenterCalls, routeTemplate } from "./call-observers";

describe("vCenter call observers", () => {
  it.each([
    ["/api/vcenter/vm/vm-1005", "/api/vcenter/vm/{id}"],
    [
      "/api/vcenter/vm/vm-1005/hardware/ethernet/4000",
      "/api/vcenter/vm/{id}/hardware/ethernet/{id}",
    ],
    ["/api/vcenter/vm?action=instant-clone", "/api/vcenter/vm?action=instant-clone"],
    ["/api/vcenter/vm?names=web-07&folders=group-v3", "/api/vcenter/vm"],
    ["/rest/vcenter/vm/vm-12/guest/identity", "/rest/vcenter/vm/{id}/guest/identity"],
    ["/api/vcenter/vm/my%20vm", "/api/vcenter/vm/{id}"],
    ["/api/vcenter/vm?action=<script>", "/api/vcenter/vm"],
  ])("turns %s into the route %s", (path, route) => {
    expect(routeTemplate(path)).toBe(route);
  });

  it("hands observers the route template, never the raw path, and survives a failing observer", () => {
    const seen: unknown[] = [];
    const stopFailing = observeVcenterCalls(() => {
      throw new Error("an observer that fails");
    });
    const stop = observeVcenterCalls((call) => seen.push(call));
    notifyVcenterCall("lab", "GET", "/api/vcenter/vm/vm-42?x=1", 200, 12.5);
    stop();
    stopFailing();
    notifyVcenterCall("lab", "GET", "/api/vcenter/vm/vm-43", 200, 1);
    expect(seen).toEqual([
      { env: "lab", method: "GET", route: "/api/vcenter/vm/{id}", status: 200, seconds: 0.0125 },
    ]);
  });
});
