import { describe, expect, it } from "vitest";

import { NetworkError, parseErrorBody, VcenterError } from "@/lib/vcenter/errors";

import { refusedBeforeActing } from "./refusals";

const apiError = (status: number, errorType: string) =>
  new VcenterError(status, {
    error_type: errorType,
    messages: [{ id: "x", default_message: "x", args: [] }],
  });

describe("which answers prove the clone was not made", () => {
  it.each([
    [400, "INVALID_ARGUMENT"],
    [400, "ALREADY_EXISTS"],
    [404, "NOT_FOUND"],
    [401, "UNAUTHENTICATED"],
    [403, "UNAUTHORIZED"],
    [400, "NOT_ALLOWED_IN_CURRENT_STATE"],
    [400, "UNSUPPORTED"],
    [500, "RESOURCE_INACCESSIBLE"],
    [400, "UNEXPECTED_INPUT"],
  ])("%i %s: refused before acting", (status, type) => {
    expect(refusedBeforeActing(apiError(status, type))).toBe(true);
  });

  it.each([
    [503, "SERVICE_UNAVAILABLE"],
    [504, "TIMED_OUT"],
    [500, "INTERNAL_SERVER_ERROR"],
    [500, "ERROR"],
    [500, "RESOURCE_BUSY"],
    [500, "UNABLE_TO_ALLOCATE_RESOURCE"],
  ])("%i %s: may have acted", (status, type) => {
    expect(refusedBeforeActing(apiError(status, type))).toBe(false);
  });

  it("reads the /rest flavour's error type too", () => {
    const body = {
      type: "com.vmware.vapi.std.errors.already_exists",
      value: { messages: [{ id: "x", default_message: "x", args: [] }] },
    };
    expect(refusedBeforeActing(new VcenterError(400, body))).toBe(true);
  });

  it("an HTML page, even with a 4xx status, may have followed the clone", () => {
    const page = parseErrorBody("<html><h1>400 Bad Request</h1></html>", "text/html");
    expect(refusedBeforeActing(new VcenterError(400, page))).toBe(false);
  });

  it("a request never sent is not made; one that may have been delivered is unknown", () => {
    expect(refusedBeforeActing(new NetworkError(502, "x", "ECONNREFUSED", false))).toBe(true);
    expect(refusedBeforeActing(new NetworkError(504, "x", "ETIMEDOUT", true))).toBe(false);
    expect(refusedBeforeActing(new Error("bug"))).toBe(false);
  });
});
