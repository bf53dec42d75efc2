"use client";

import { usePathname } from "next/navigation";

import { formHref } from "./hrefs";

/** The first tab stop of every environment page: past the header, to the form or the content. */
export function SkipLink({ env }: { env: string }) {
  const onForm = usePathname() === formHref(env);
  return (
    <a
      href={onForm ? "#clone-form" : "#main"}
      className="bg-surface text-accent sr-only z-50 rounded-md px-3 py-2 text-sm font-medium shadow focus:not-sr-only focus:absolute focus:top-2 focus:left-2"
    >
      {onForm ? "Skip to the form" : "Skip to the content"}
    </a>
  );
}
