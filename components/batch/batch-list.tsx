"use client";

import Link from "next/link";

import { useBatchList } from "@/lib/api/use-batches";
import { batchHref } from "@/components/environment/hrefs";
import { When } from "@/components/history/when";

/** The environment's batches, newest first, on the history page; nothing when there are none. */
export function BatchList({ env }: { env: string }) {
  const list = useBatchList(env);
  const items = list.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="batches-heading" className="space-y-2">
      <h2 id="batches-heading" className="text-lg font-semibold">
        Batches
      </h2>
      <ul className="space-y-1 text-sm">
        {items.slice(0, 20).map((batch) => (
          <li key={batch.id} className="flex flex-wrap gap-2">
            <When iso={batch.created_at} />
            <Link className="text-accent hover:underline" href={batchHref(env, batch.id)}>
              {batch.total} clones of {batch.source}
            </Link>
            <span className="text-fg-muted">
              {batch.state} · {batch.counts.succeeded} succeeded
              {batch.counts.failed > 0 && ` · ${batch.counts.failed} failed`} · {batch.user}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
