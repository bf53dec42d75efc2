"use client";

import { useState } from "react";

import { Button, type ButtonProps } from "./button";

/** Copies text; works over plain http too, where navigator.clipboard is missing. */
async function copyText(text: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.append(area);
  area.select();
  document.execCommand("copy");
  area.remove();
}

type CopyButtonProps = Omit<ButtonProps, "onClick" | "children"> & {
  text: string | (() => string);
  label: string;
};

export function CopyButton({ text, label, size = "sm", ...props }: CopyButtonProps) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const onClick = async () => {
    try {
      await copyText(typeof text === "function" ? text() : text);
      setState("copied");
    } catch {
      setState("failed");
    }
    setTimeout(() => setState("idle"), 2000);
  };
  return (
    <Button size={size} onClick={onClick} {...props}>
      {label}
      {/* Full text colour: the confirmation must be readable, not a faint hint. */}
      <span aria-live="polite" className="text-fg text-xs font-semibold">
        {state === "copied" ? "✓ Copied" : state === "failed" ? "Copy failed" : ""}
      </span>
    </Button>
  );
}
