import type { IncomingHttpHeaders } from "node:http";

/** One API call as it arrived, before a flavour (/api or /rest) interprets it. */
export interface RawCall {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: string;
}

/** What to send back, and what to write in the calls log. */
export interface HttpAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  operation: string | null;
  user?: string;
}

/** The answer of vCenter's generic REST router for a URL it has no operation for (pre-/api form). */
export const legacyNotFound = (): HttpAnswer => ({
  status: 404,
  body: {
    name: "com.vmware.vapi.rest.httpNotFound",
    localizableMessages: [
      { defaultMessage: "Not found.", id: "com.vmware.vapi.rest.httpNotFound" },
    ],
    majorErrorCode: 404,
  },
  operation: null,
});
