import type { EnvironmentSummary } from "@/lib/schemas/inventory";

/**
 * The environment's colour as a band across the top of every page of it (so production looks
 * different), and a warning band when TLS verification is off for it.
 */
export function EnvironmentBands({ environment }: { environment: EnvironmentSummary }) {
  return (
    <>
      {environment.color && (
        <div
          aria-hidden="true"
          data-testid="environment-color-band"
          className="h-2"
          style={{ backgroundColor: environment.color }}
        />
      )}
      {environment.insecure && (
        <div className="border-warning/60 bg-warning-soft border-b px-4 py-2 text-center text-sm">
          <strong className="text-warning">TLS verification is off for this environment.</strong>{" "}
          The console cannot tell this vCenter from an impostor; set caFile instead of insecure.
        </div>
      )}
    </>
  );
}
