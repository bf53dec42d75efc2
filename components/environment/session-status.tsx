"use client";

import { useRouter } from "next/navigation";

import { useLogout, useSession } from "@/lib/api/use-session";
import { Button } from "@/components/ui/button";
import { loginHref } from "@/components/session/login-redirect";
import { formHref } from "./hrefs";

/** Who is logged in to this environment's vCenter, with a way out. */
export function SessionStatus({ env }: { env: string }) {
  const session = useSession(env);
  const logout = useLogout(env);
  const router = useRouter();

  if (!session.isSuccess) return null;
  return (
    <div className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-1 text-sm">
      <span className="text-fg-muted min-w-0 break-all">
        Logged in as <span className="text-fg font-medium">{session.data.user}</span>
      </span>
      <Button
        size="sm"
        disabled={logout.isPending}
        onClick={() =>
          logout.mutate(undefined, {
            onSettled: () => router.push(loginHref(env, formHref(env))),
          })
        }
      >
        Log out
      </Button>
    </div>
  );
}
