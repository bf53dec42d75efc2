import "server-only";

import { ConsoleError } from "./console-error";
import { errorResponse } from "./error-response";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * The methods a route does not serve, each answering 405 with the envelope and an Allow header
 * (Next.js's own 405 has neither). A route exports the ones it lacks:
 * `export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");`
 */
export function otherMethods(...served: Method[]): Record<Method, () => Response> {
  const allow = [...served, ...(served.includes("GET") ? ["HEAD"] : []), "OPTIONS"].join(", ");
  const refuse = () => {
    const res = errorResponse(
      new ConsoleError(405, `This route answers only ${served.join(" and ")}`),
    );
    res.headers.set("allow", allow);
    return res;
  };
  return { GET: refuse, POST: refuse, PUT: refuse, PATCH: refuse, DELETE: refuse };
}
