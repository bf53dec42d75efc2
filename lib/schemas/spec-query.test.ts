import { describe, expect, it } from "vitest";

import { queryToFormValues } from "./clone-form-query";
import { formValuesToSpec } from "./clone-form-spec";
import type { InstantCloneSpec } from "./instant-clone";
import { specToQuery } from "./spec-query";

describe("specToQuery", () => {
  it("gives back the same spec through the clone form's query", () => {
    const spec: InstantCloneSpec = {
      source: "vm-1005",
      name: "web-07",
      placement: { folder: "group-v33", datastore: "datastore-11" },
      nics_to_update: {
        "4000": {
          backing: { type: "DISTRIBUTED_PORTGROUP", network: "dvportgroup-21" },
          mac_type: "MANUAL",
          mac_address: "00:50:56:01:02:03",
          start_connected: false,
        },
      },
      serial_ports_to_update: {
        "9000": { backing: { type: "FILE", file: "[ds] web-07/serial.log" } },
      },
      disconnect_all_nics: true,
      bios_uuid: "12345678-abcd-1234-cdef-123456789abc",
    };
    expect(formValuesToSpec(queryToFormValues(specToQuery(spec)))).toEqual(spec);
  });
});
