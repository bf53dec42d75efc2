"use client";

import { type ReactNode, useState } from "react";

import { Alert } from "./alert";
import { Button } from "./button";
import { Input } from "./input";

type TypedConfirmationProps = {
  title: string;
  /** What will happen, above the field. */
  children: ReactNode;
  /** The text to type; the confirm button stays disabled until it is typed. */
  expected: string;
  confirmLabel: string;
  onConfirm: () => void;
  onKeep: () => void;
  pending?: boolean;
  /** A count is typed on a number pad; a pattern is not. */
  numeric?: boolean;
};

/**
 * A destructive action confirmed by typing a word out (GitHub's "type the name to delete"):
 * a click alone cannot set it off, and Keep them closes it with the field emptied.
 */
export function TypedConfirmation({
  title,
  children,
  expected,
  confirmLabel,
  onConfirm,
  onKeep,
  pending = false,
  numeric = false,
}: TypedConfirmationProps) {
  const [typed, setTyped] = useState("");
  const matches = typed.trim() === expected;
  return (
    <Alert tone="danger" title={title}>
      {children}
      <form
        className="mt-3 flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          if (!matches) return;
          onConfirm();
          setTyped("");
        }}
      >
        <label className="space-y-1">
          <span className="block text-sm font-medium">
            Type <span className="font-mono">{expected}</span> to confirm
          </span>
          <Input
            className={numeric ? "w-28" : "w-64"}
            inputMode={numeric ? "numeric" : undefined}
            autoComplete="off"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
          />
        </label>
        <Button type="submit" variant="danger" disabled={!matches || pending}>
          {confirmLabel}
        </Button>
        <Button
          onClick={() => {
            setTyped("");
            onKeep();
          }}
        >
          Keep them
        </Button>
      </form>
    </Alert>
  );
}
