import { type ReactNode, useId } from "react";

import { cn } from "./cn";

type CardProps = {
  title: ReactNode;
  description?: ReactNode;
  /** Buttons or status at the right of the heading. */
  actions?: ReactNode;
  children?: ReactNode;
  className?: string;
  id?: string;
};

/** A titled section of a page; the heading names the region for assistive technology. */
export function Card({ title, description, actions, children, className, id }: CardProps) {
  const headingId = useId();
  return (
    <section
      id={id}
      aria-labelledby={headingId}
      className={cn("border-line bg-surface rounded-lg border shadow-sm", className)}
    >
      <header className="border-line flex flex-wrap items-start justify-between gap-3 border-b px-5 py-4">
        <div>
          <h2 id={headingId} className="text-base font-semibold">
            {title}
          </h2>
          {description && <p className="text-fg-muted mt-1 text-sm">{description}</p>}
        </div>
        {actions}
      </header>
      <div className="space-y-4 px-5 py-4">{children}</div>
    </section>
  );
}
