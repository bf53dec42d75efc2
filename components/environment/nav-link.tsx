"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

import { cn } from "@/components/ui/cn";

/** A header link that says so when it is the page being shown (or, with `section`, a page below it). */
export function NavLink({
  href,
  section,
  children,
}: {
  href: string;
  /** Paths below this one count as this link's page too, e.g. an operation under History. */
  section?: string;
  children: ReactNode;
}) {
  const pathname = usePathname();
  const current = pathname === href || (section !== undefined && pathname.startsWith(section));
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className={cn("text-accent hover:underline", current && "font-semibold underline")}
    >
      {children}
    </Link>
  );
}
