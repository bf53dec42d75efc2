"use client";

import { type ComponentProps, lazy, Suspense } from "react";

type CloneResultProps = ComponentProps<typeof import("@/components/clone-result").CloneResult>;

// Most visits to the form end in a submit, but the page must not carry the result (what was
// applied, the guest's readiness, deletion) before one: it is a chunk of its own, fetched when
// the operator submits (preloadCloneResult), so it is in by the time vCenter answers. If it
// cannot be fetched (the console went down after answering), the headline alone says what was made.
const loadCloneResult = () => import("@/components/clone-result");

const LazyCloneResult = lazy(() =>
  loadCloneResult()
    .then((module) => ({ default: module.CloneResult }))
    .catch(() => ({ default: CloneResultHeadline })),
);

/** Starts fetching the result panel's code; called on submit. */
export function preloadCloneResult(): void {
  void loadCloneResult().catch(() => undefined);
}

/** The new VM and what was applied to it, loaded on demand. */
export function CloneResultPanel(props: CloneResultProps) {
  return (
    <Suspense fallback={<CloneResultHeadline {...props} />}>
      <LazyCloneResult {...props} />
    </Suspense>
  );
}

function CloneResultHeadline({ result }: CloneResultProps) {
  return (
    <section
      aria-labelledby="clone-result-heading"
      className="border-success/60 bg-success-soft rounded-lg border p-5"
    >
      <div role="status">
        <h2 id="clone-result-heading" className="text-success text-lg font-semibold">
          Clone created
        </h2>
        <p className="mt-1 text-sm">
          <span className="font-semibold break-all">{result.name}</span>{" "}
          <span className="font-mono">{result.vm}</span>
        </p>
      </div>
    </section>
  );
}
