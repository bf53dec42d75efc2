// What an operator (or the console's admin) can do about a failure to reach vCenter, read from
// the cause Node reported. The console's server names the cause; the page names the fix.

const certificate =
  /CERT|certificate|self[- ]signed|UNABLE_TO_VERIFY|unknown authority|UNABLE_TO_GET_ISSUER/i;
const timeout = /ETIMEDOUT|timed? ?out|did not answer|UND_ERR_(HEADERS|BODY)_TIMEOUT|ABORT/i;
const unreachable = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH/i;
const dropped = /ECONNRESET|socket hang up|UND_ERR_SOCKET|closed|dropped/i;

export type NetworkFix = { title: string; text: string; outcomeUnknown?: boolean };

export function networkFix(status: number, cause = "", message = ""): NetworkFix {
  const said = `${cause} ${message}`;
  if (status === 0)
    return {
      title: "The console is unreachable",
      text: "Your browser got no answer from the console. Check your connection, then that the console is running.",
      outcomeUnknown: true,
    };
  if (certificate.test(said))
    return {
      title: "vCenter's certificate was refused",
      text: "The console does not trust the authority that signed vCenter's certificate. Set caFile for this environment in the environments file to the PEM of that CA, and restart the console. (insecure: true also works, but only for a lab.)",
    };
  if (status === 504 || timeout.test(said))
    return {
      title: "vCenter did not answer in time",
      text: "The request may still have reached vCenter, so the clone may exist. Check the VM list for the name before you submit again. If vCenter is slow, raise timeoutMs for this environment.",
      outcomeUnknown: true,
    };
  if (unreachable.test(said))
    return {
      title: "vCenter could not be reached",
      text: "Check the environment's url (host name and port), DNS, and any firewall between the console's host and vCenter.",
    };
  if (dropped.test(said))
    return {
      title: "The connection to vCenter dropped",
      text: "vCenter or a proxy closed the connection mid-request. The clone may exist: check the VM list for the name before you submit again.",
      outcomeUnknown: true,
    };
  return {
    title: "vCenter could not be reached",
    text: "Check that vCenter is up and reachable from the console's host.",
  };
}
