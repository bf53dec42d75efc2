import type { PrivilegeRow } from "./required-privileges";

/** The privilege each resource of the request needs, as instant clone's documentation lists them. */
export function PrivilegesTable({ rows }: { rows: PrivilegeRow[] }) {
  return (
    <table className="w-full text-left text-xs">
      <caption className="sr-only">Privileges instant clone needs</caption>
      <thead className="text-fg-muted">
        <tr>
          <th className="py-1 pr-3 font-medium">Resource</th>
          <th className="py-1 pr-3 font-medium">Which</th>
          <th className="py-1 font-medium">Privileges</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={index} className="border-line border-t align-top">
            <td className="py-1 pr-3">{row.resource}</td>
            <td className="py-1 pr-3">{row.target}</td>
            <td className="py-1 font-mono">{row.privileges.join(", ")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
