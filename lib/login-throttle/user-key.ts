/**
 * One spelling per vCenter account, so that each form of a name counts against the same lock:
 * `VSPHERE.LOCAL\Operator`, `operator@vsphere.local` and `OPERATOR@VSPHERE.LOCAL` are one user
 * to vCenter (names and domains are case-insensitive there), so they are one user here.
 */
export function userKey(username: string): string {
  const name = username.normalize("NFKC").trim().toLowerCase();
  const slash = name.indexOf("\\");
  if (slash > 0 && slash < name.length - 1 && !name.includes("@"))
    return `${name.slice(slash + 1)}@${name.slice(0, slash)}`;
  return name;
}
