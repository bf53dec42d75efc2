"use client";

import { useSession } from "@/lib/api/use-session";

import { formHref, historyHref } from "./hrefs";
import { NavLink } from "./nav-link";
import { SessionStatus } from "./session-status";

/** Clone and History, once logged in (before that they only lead back to the login page). */
export function EnvironmentNav({ env }: { env: string }) {
  const session = useSession(env);
  const form = formHref(env);
  return (
    <nav aria-label="Environment" className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
      {session.isSuccess && (
        <>
          <NavLink href={form}>Clone</NavLink>
          <NavLink href={historyHref(env)} section={`${form}/operations/`}>
            History
          </NavLink>
        </>
      )}
      <SessionStatus env={env} />
    </nav>
  );
}
