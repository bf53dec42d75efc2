import type { ReactNode } from "react";

import { cn } from "./cn";

/** A column's heading: shown, or heard only by screen readers (a column of checkboxes, say). */
export type Column = string | { srOnly: string };

type DataTableProps = {
  /** Names the table for assistive technology; not shown. */
  caption: string;
  columns: readonly Column[];
  className?: string;
  /** The body's rows. */
  children: ReactNode;
};

/** A bordered table of records that scrolls sideways when it is wider than the page. */
export function DataTable({ caption, columns, className, children }: DataTableProps) {
  return (
    <div className={cn("border-line overflow-x-auto rounded-lg border", className)}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-surface-muted text-fg-muted">
          <tr>
            {columns.map((column) => (
              <th
                key={typeof column === "string" ? column : column.srOnly}
                scope="col"
                className="px-3 py-2 font-medium"
              >
                {typeof column === "string" ? (
                  column
                ) : (
                  <span className="sr-only">{column.srOnly}</span>
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
