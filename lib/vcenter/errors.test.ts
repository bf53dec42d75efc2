import { describe, expect, it } from "vitest";

import { vcenterErrorDetails } from "@/lib/schemas/api-error";

import { parseErrorBody, toNetworkError, VcenterError } from "./errors";

const apiBody = {
  error_type: "NOT_FOUND",
  messages: [
    {
      id: "com.vmware.api.vcenter.vm.not_found",
      default_message: "Virtual machine with identifier 'vm-9' does not exist.",
      args: ["vm-9"],
    },
    { id: "vapi.cause", default_message: "The cause.", args: [], localized: "Die Ursache." },
  ],
  data: { extra: 1 },
};

describe("parseErrorBody", () => {
  it("keeps an /api error body exactly as vCenter sent it, messages in order", () => {
    const body = parseErrorBody(JSON.stringify(apiBody), "application/json");
    expect(body).toEqual(apiBody);
    expect(vcenterErrorDetails(body).messages.map((m) => m.id)).toEqual([
      "com.vmware.api.vcenter.vm.not_found",
      "vapi.cause",
    ]);
  });

  it("keeps a /rest error body and reads its type", () => {
    const rest = {
      type: "com.vmware.vapi.std.errors.unexpected_input",
      value: {
        messages: [
          {
            id: "vapi.data.structure.field.unexpected",
            default_message: "Found unexpected fields [action] in structure 'operation-input'.",
            args: ["[action]", "operation-input"],
          },
        ],
      },
    };
    const body = parseErrorBody(JSON.stringify(rest), "application/json");
    expect(body).toEqual(rest);
    expect(vcenterErrorDetails(body).errorType).toBe("UNEXPECTED_INPUT");
  });

  it("turns a proxy's HTML page into its readable text", () => {
    const html =
      "<html><head><style>p{}</style></head><body><h1>502 Bad Gateway</h1><p>nginx&nbsp;1.25</p></body></html>";
    expect(parseErrorBody(html, "text/html")).toEqual({ raw: "502 Bad Gateway nginx 1.25" });
  });

  it("keeps JSON that is not a vCenter error as text, and says so for an empty body", () => {
    expect(parseErrorBody('{"oops":true}', "application/json")).toEqual({ raw: '{"oops":true}' });
    expect(parseErrorBody("", undefined)).toEqual({ raw: "(empty body)" });
  });

  it("gives a VcenterError vCenter's type and top message", () => {
    const err = new VcenterError(404, apiBody);
    expect(err.errorType).toBe("NOT_FOUND");
    expect(err.message).toBe("Virtual machine with identifier 'vm-9' does not exist.");
  });
});

describe("toNetworkError", () => {
  it("names caFile when vCenter's certificate is refused", () => {
    const err = toNetworkError({ cause: { code: "SELF_SIGNED_CERT_IN_CHAIN" } }, 5000, true);
    expect(err.status).toBe(502);
    expect(err.message).toMatch(/caFile/);
    expect(err.maybeDelivered).toBe(false);
  });

  it("reports a timeout as 504 that may have reached vCenter", () => {
    const timeout = new DOMException("The operation was aborted due to timeout", "TimeoutError");
    const err = toNetworkError(timeout, 120_000, true);
    expect(err).toMatchObject({ status: 504, causeCode: "ETIMEDOUT", maybeDelivered: true });
    expect(err.message).toBe("vCenter did not answer within 120 s");
  });

  it("reports a refused connection as 502 that never reached vCenter", () => {
    const err = toNetworkError({ code: "ECONNREFUSED" }, 1000, true);
    expect(err).toMatchObject({ status: 502, causeCode: "ECONNREFUSED", maybeDelivered: false });
  });
});
