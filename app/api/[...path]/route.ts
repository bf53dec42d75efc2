import { ConsoleError } from "@/lib/http/console-error";
import { errorResponse } from "@/lib/http/error-response";

// Any /api path no route serves: the console's 404 envelope, not Next.js's HTML page, so an API
// client always gets JSON it can read (e.g. /api/environments/sim%2fvms).
const notFound = () => errorResponse(new ConsoleError(404, "There is no console API at this path"));

export const GET = notFound;
export const HEAD = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
