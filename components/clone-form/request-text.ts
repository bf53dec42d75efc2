import type { InstantCloneSpecInput } from "@/lib/schemas/instant-clone";

/** The request as vCenter itself takes it, for a script or a ticket; never with a real token. */
export function curlCommand(host: string, body: InstantCloneSpecInput): string {
  // The embedded simulator has no host name worth printing.
  const target = /^[\w.-]+(:\d+)?$/.test(host) ? host : "<vcenter-host>";
  const json = JSON.stringify(body).replaceAll("'", `'\\''`);
  return [
    `curl -X POST 'https://${target}/api/vcenter/vm?action=instant-clone' \\`,
    `  -H 'vmware-api-session-id: <session-id>' \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -d '${json}'`,
  ].join("\n");
}
