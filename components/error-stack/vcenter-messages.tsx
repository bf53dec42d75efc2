import type { LocalizableMessage } from "@/lib/schemas/api-error";

/** vCenter's messages in vCenter's order: the first says what failed, each next one its cause. */
export function VcenterMessages({ messages }: { messages: LocalizableMessage[] }) {
  if (messages.length === 0) return null;
  return (
    <ol aria-label="vCenter messages" className="space-y-2">
      {messages.map((message, index) => (
        <li
          key={index}
          className={
            index === 0
              ? "border-line bg-surface rounded-md border p-3"
              : "border-line ml-4 border-l-2 pl-3"
          }
        >
          <p className="text-fg-muted text-xs font-semibold tracking-wide uppercase">
            {index === 0 ? "What failed" : `Cause ${index}`}
          </p>
          <p className="mt-0.5 text-sm">{message.localized ?? message.default_message}</p>
          <dl className="text-fg-muted mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs">
            <dt>id</dt>
            <dd className="font-mono break-all">{message.id}</dd>
            {message.args.length > 0 && (
              <>
                <dt>args</dt>
                <dd className="font-mono break-all">
                  {message.args.map((a) => JSON.stringify(a)).join(", ")}
                </dd>
              </>
            )}
            {message.localized && message.localized !== message.default_message && (
              <>
                <dt>default</dt>
                <dd>{message.default_message}</dd>
              </>
            )}
            {message.params && Object.keys(message.params).length > 0 && (
              <>
                <dt>params</dt>
                <dd className="font-mono break-all">{JSON.stringify(message.params)}</dd>
              </>
            )}
          </dl>
        </li>
      ))}
    </ol>
  );
}
