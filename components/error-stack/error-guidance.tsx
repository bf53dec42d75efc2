"use client";

import type { ReactNode } from "react";

import type { ApiError } from "@/lib/api/api-error";
import type { InstantCloneSpec } from "@/lib/schemas/instant-clone";
import { Button } from "@/components/ui/button";
import { useLoginRedirect } from "@/components/session/login-redirect";

import { networkFix } from "./network-fix";
import { PrivilegesTable } from "./privileges-table";
import { requiredPrivileges } from "./required-privileges";

export type ErrorContext = {
  /** The spec that was sent, to name the resources a privilege is needed on. */
  request?: InstantCloneSpec;
  nameOf?: (id: string) => string | undefined;
  onFocusName?: () => void;
  /** On the login page a 401 is a refused password, not an expired session. */
  onLoginPage?: boolean;
};

/** True when a message in vCenter's stack has an id containing one of `parts`. */
const hasMessage = (error: ApiError, ...parts: string[]) =>
  error.messageIds.some((id) => parts.some((part) => id.includes(part)));

const Guide = ({ title, children }: { title: string; children: ReactNode }) => (
  <div className="border-line bg-surface rounded-md border p-3 text-sm">
    <p className="font-semibold">{title}</p>
    <div className="text-fg mt-1 space-y-2">{children}</div>
  </div>
);

/** What the operator can do about this error: one paragraph, and a button where one helps. */
export function ErrorGuidance({
  error,
  context = {},
}: {
  error: ApiError;
  context?: ErrorContext;
}) {
  const login = useLoginRedirect();
  const type = error.errorType;

  if (error.needsLogin && context.onLoginPage)
    return (
      <Guide title="Check the user name and password">
        <p>
          vCenter refused them. Give the user with its domain, e.g. administrator@vsphere.local.
        </p>
      </Guide>
    );
  if (error.needsLogin)
    return (
      <Guide title="Log in again">
        <p>
          Your vCenter session is missing or has expired. The form keeps every value while you log
          in.
        </p>
        {login && (
          <Button variant="primary" size="sm" onClick={login}>
            Log in again
          </Button>
        )}
      </Guide>
    );

  if (error.origin === "network") {
    const fix = networkFix(error.status, error.body.cause, error.message);
    return (
      <Guide title={fix.title}>
        <p>{fix.text}</p>
      </Guide>
    );
  }

  switch (type) {
    case "UNAUTHORIZED":
      return (
        <Guide title="A privilege is missing">
          <p>
            Your vCenter user lacks a privilege instant clone needs. vCenter checks these on each
            resource; ask a vCenter administrator to grant the missing one, or choose a placement
            where you hold it.
          </p>
          <PrivilegesTable rows={requiredPrivileges(context.request, context.nameOf)} />
        </Guide>
      );
    case "ALREADY_EXISTS":
      return (
        <Guide title="The name is taken">
          <p>A VM with this name already exists in the target folder. Choose another name.</p>
          {context.onFocusName && (
            <Button size="sm" onClick={context.onFocusName}>
              Change the name
            </Button>
          )}
        </Guide>
      );
    case "NOT_ALLOWED_IN_CURRENT_STATE":
      // One error type, two causes: the paragraph follows the message ids in the stack.
      if (hasMessage(error, ".hardware.backing.not_allowed_in_current_state"))
        return (
          <Guide title="A connected port's backing cannot change">
            <p>
              The port is connected on the running source, and vCenter changes a serial or parallel
              port&apos;s backing only while it is disconnected there. Whether the clone&apos;s port
              starts connected does not matter. Leave this port&apos;s backing as it is (Reset the
              port), or disconnect the port on the source VM in the vSphere Client and clone again.
            </p>
          </Guide>
        );
      if (hasMessage(error, ".instant_clone.not_allowed_in_current_state", "InvalidPowerState"))
        return (
          <Guide title="The source is not in a state to clone from">
            <p>
              Instant clone needs a source that is powered on, or frozen from inside the guest (
              <code>vmware-rpctool &quot;instantclone.freeze&quot;</code> on Linux,{" "}
              <code>vmtoolsd.exe --cmd &quot;instantclone.freeze&quot;</code> on Windows). A
              powered-off or suspended VM cannot be instant-cloned: power it on, or pick a running
              source.
            </p>
          </Guide>
        );
      return (
        <Guide title="vCenter refused it in the current state">
          <p>The messages above say which object is in the way and in what state.</p>
        </Guide>
      );
    case "NOT_FOUND":
      return (
        <Guide title="Something in the request no longer exists">
          <p>
            vCenter could not find a resource the request names: the source VM, a folder, resource
            pool, datastore, network, or a device key of the source. Reload the page and choose
            again.
          </p>
        </Guide>
      );
    case "INVALID_ARGUMENT":
      return (
        <Guide title="vCenter refused a value">
          <p>
            The messages above name the value. Compare them with the request preview and correct the
            field.
          </p>
        </Guide>
      );
    case "UNABLE_TO_ALLOCATE_RESOURCE":
    case "RESOURCE_BUSY":
    case "RESOURCE_INACCESSIBLE":
      return (
        <Guide title="vCenter could not allocate the clone">
          <p>
            The datastore may be full or unreachable from the source&apos;s host, or the source has
            too many delta disks after many clones; freezing the source (instantclone.freeze) avoids
            the latter. Choose another datastore, or try again later.
          </p>
        </Guide>
      );
    case "UNEXPECTED_INPUT":
    case "OPERATION_NOT_FOUND":
      return (
        <Guide title="This vCenter is too old for instant clone over REST">
          <p>Instant clone arrived with vSphere 7.0 on premises (the /api flavour with 7.0 U2).</p>
        </Guide>
      );
    case "SERVICE_UNAVAILABLE":
      return (
        <Guide title="vCenter is busy or restarting">
          <p>Try again in a minute.</p>
        </Guide>
      );
  }

  if (error.origin === "console" && Object.keys(error.fieldErrors).length > 0)
    return (
      <Guide title="Correct the marked fields">
        <p>
          The console checked the request before sending it to vCenter; each problem is shown on its
          field.
        </p>
      </Guide>
    );
  // Only the origin check's 403: the console refuses other things with 403 too (deleting a VM
  // it did not make), and reloading would not change those.
  if (error.origin === "console" && error.status === 403 && /cross-site/i.test(error.message))
    return (
      <Guide title="Reload the page">
        <p>The request did not come from this console&apos;s own page. Reload it and try again.</p>
      </Guide>
    );
  return null;
}
