"use client";

import type { ReactNode } from "react";

import type { ApiError } from "@/lib/api/api-error";
import type { InstantCloneSpec } from "@/lib/schemas/instant-clone";
import { Button } from "@/components/ui/button";
import { useLoginRedirect } from "@/components/session/login-redirect";

import { chooseGuidance } from "./choose-guidance";
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

const Guide = ({ title, children }: { title: string; children: ReactNode }) => (
  // A note named by its title: one per error, so a test (and a screen reader) finds the advice.
  <div
    role="note"
    aria-label={title}
    className="border-line bg-surface rounded-md border p-3 text-sm"
  >
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
  switch (chooseGuidance(error, context)) {
    case "login-refused":
      return (
        <Guide title="Check the user name and password">
          <p>
            vCenter refused them. Give the user with its domain, e.g. administrator@vsphere.local.
          </p>
        </Guide>
      );
    case "log-in-again":
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
    case "network": {
      const fix = networkFix(error.status, error.body.cause, error.message);
      return (
        <Guide title={fix.title}>
          <p>{fix.text}</p>
        </Guide>
      );
    }
    case "privilege":
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
    case "port-connected":
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
    case "source-power":
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
    case "host-state":
      return (
        <Guide title="The source's host cannot take the clone">
          <p>
            An instant clone runs on its source&apos;s host, and that host is in maintenance mode,
            disconnected or not responding. Pick a source on another host, or clone once the host is
            back.
          </p>
        </Guide>
      );
    case "name-taken":
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
    case "port-taken":
      return (
        <Guide title="The distributed port is taken">
          <p>
            Another network adapter already holds this port. Leave the adapter&apos;s port empty so
            vCenter picks a free one, or give a port no adapter uses.
          </p>
        </Guide>
      );
    case "ports-exhausted":
      return (
        <Guide title="The port group has no free port">
          <p>
            Every port of this statically bound port group is in use, and each adapter of the clone
            needs one. Put the adapter on another network, or delete clones that hold ports there.
          </p>
        </Guide>
      );
    case "off-host":
      return (
        <Guide title="The placement is out of the source's reach">
          <p>
            An instant clone stays on its source&apos;s host, so its datastore and networks must be
            ones that host sees, and its resource pool one of that host&apos;s cluster. Choose one
            the host reaches, or Same as source.
          </p>
        </Guide>
      );
    case "delta-disks":
      return (
        <Guide title="The source has too many delta disks">
          <p>
            Each instant clone of a running source that is not frozen adds a delta disk to it, and
            past 255 vCenter can no longer prepare the clone (VMware KB 67186). Freeze the source
            from inside the guest (<code>vmware-rpctool &quot;instantclone.freeze&quot;</code> on
            Linux, <code>vmtoolsd.exe --cmd &quot;instantclone.freeze&quot;</code> on Windows):
            clones of a frozen source add none.
          </p>
        </Guide>
      );
    case "device-unsupported":
      return (
        <Guide title="The source has a device instant clone cannot copy">
          <p>
            vCenter names the device above (a serial port is a known case, a vTPM another). Remove
            it from the source VM in the vSphere Client, or clone a source without it.
          </p>
        </Guide>
      );
    case "device-inaccessible":
      return (
        <Guide title="A connected device's backing is out of reach">
          <p>
            A device of the source (often a CD/DVD drive with an ISO) is connected to a file the
            host cannot reach. Disconnect the device on the source, or make its datastore reachable
            again, and clone again.
          </p>
        </Guide>
      );
    case "needs-vcenter":
      return (
        <Guide title="Instant clone needs vCenter">
          <p>
            This endpoint refused the operation: instant clone is not available when connected
            directly to an ESXi host. Point the environment at the vCenter that manages it.
          </p>
        </Guide>
      );
    case "too-old":
      return (
        <Guide title="This vCenter is too old for instant clone over REST">
          <p>
            Instant clone arrived with vSphere 7.0 on premises (the /api flavour with 7.0 U2). Clone
            on a vCenter of 7.0 or later.
          </p>
        </Guide>
      );
    case "gone":
      return (
        <Guide title="Something in the request no longer exists">
          <p>
            vCenter could not find a resource the request names: the source VM, a folder, resource
            pool, datastore, network, or a device key of the source. Reload the page and choose
            again.
          </p>
        </Guide>
      );
    case "guest-not-ready":
      return (
        <Guide title="The guest has not reported yet">
          <p>
            VMware Tools in the guest gave vCenter no information: they start some seconds after the
            guest boots. Wait and look again; if they never report, check that Tools are installed
            and running in the guest.
          </p>
        </Guide>
      );
    case "busy":
      return (
        <Guide title="vCenter is busy or restarting">
          <p>Try again in a minute.</p>
        </Guide>
      );
    case "resources":
      return (
        <Guide title="vCenter could not reserve resources for the clone">
          <p>
            The host, resource pool or datastore is short of memory, CPU or space for another VM.
            Choose another resource pool or datastore, or free capacity, and try again.
          </p>
        </Guide>
      );
    case "value-refused":
      return (
        <Guide title="vCenter refused a value">
          <p>
            The messages above name the value. Compare them with the request preview and correct the
            field.
          </p>
        </Guide>
      );
    case "vcenter-other":
      return (
        <Guide title="The console has no advice for this error">
          <p>
            The messages above are vCenter&apos;s own. Copy error gives a vCenter administrator the
            whole answer.
          </p>
        </Guide>
      );
    case "console-fields":
      return (
        <Guide title="Correct the marked fields">
          <p>
            The console checked the request before sending it to vCenter; each problem is shown on
            its field.
          </p>
        </Guide>
      );
    case "cross-site":
      return (
        <Guide title="Reload the page">
          <p>
            The request did not come from this console&apos;s own page. Reload it and try again.
          </p>
        </Guide>
      );
    case undefined:
      return null;
  }
}
