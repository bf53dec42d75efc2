import { Button } from "@/components/ui/button";

type HistoryPagerProps = {
  offset: number;
  pageSize: number;
  /** Rows on this page. */
  shown: number;
  total: number;
  onOffset: (offset: number) => void;
};

/** Which rows these are of how many, and Previous/Next when there is more than one page. */
export function HistoryPager({ offset, pageSize, shown, total, onOffset }: HistoryPagerProps) {
  const first = shown === 0 ? 0 : offset + 1;
  return (
    <nav aria-label="History pages" className="flex flex-wrap items-center gap-3 text-sm">
      {total > pageSize && (
        <Button
          size="sm"
          disabled={offset === 0}
          onClick={() => onOffset(Math.max(0, offset - pageSize))}
        >
          Previous
        </Button>
      )}
      <p aria-live="polite">
        {first}–{offset + shown} of {total}
      </p>
      {total > pageSize && (
        <Button
          size="sm"
          disabled={offset + pageSize >= total}
          onClick={() => onOffset(offset + pageSize)}
        >
          Next
        </Button>
      )}
    </nav>
  );
}
