import { Button } from "@/components/ui/button";

// The simulator's users (DESIGN.md "The simulator"); shown only for a simulator environment.
export const SIMULATOR_PASSWORD = "VMware1!";
const sampleUsers = [
  { user: "administrator@vsphere.local", can: "every privilege" },
  { user: "operator@vsphere.local", can: "every privilege but PowerOn on the folder Prod" },
  { user: "readonly@vsphere.local", can: "no clone privileges" },
];

/** The simulator's users, each a button that fills the form. */
export function SampleUsers({ onUse }: { onUse: (user: string, password: string) => void }) {
  return (
    <div className="border-line bg-surface-muted space-y-2 rounded-md border p-4 text-sm">
      <p className="font-semibold">Simulator users</p>
      <p className="text-fg-muted">
        This environment is the built-in simulator. Every user&apos;s password is{" "}
        <code className="text-fg font-mono">{SIMULATOR_PASSWORD}</code>.
      </p>
      <table className="w-full text-left">
        <caption className="sr-only">Simulator users</caption>
        <thead className="text-fg-muted text-xs">
          <tr>
            <th className="py-1 font-medium">User</th>
            <th className="py-1 font-medium">Can</th>
            <th className="py-1">
              <span className="sr-only">Fill in</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sampleUsers.map(({ user, can }) => (
            <tr key={user} className="border-line border-t">
              <td className="py-1.5 pr-2 font-mono text-xs break-all">{user}</td>
              <td className="text-fg-muted py-1.5 pr-2">{can}</td>
              <td className="py-1.5 text-right">
                <Button
                  size="sm"
                  aria-label={`Use ${user}`}
                  onClick={() => onUse(user, SIMULATOR_PASSWORD)}
                >
                  Use
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
