import { ConsoleError } from "@/lib/http/console-error";
import { errorResponse } from "@/lib/http/error-response";
import { consoleMetrics, metricsEnabled } from "@/lib/metrics/registry";

export const dynamic = "force-dynamic";

// GET /api/metrics – Prometheus text when CONSOLE_METRICS=1, the 404 envelope otherwise
export async function GET() {
  if (!metricsEnabled())
    return errorResponse(
      new ConsoleError(404, "Metrics are off: start the console with CONSOLE_METRICS=1"),
    );
  const { registry } = consoleMetrics();
  return new Response(await registry.metrics(), {
    headers: { "content-type": registry.contentType, "cache-control": "no-store" },
  });
}
