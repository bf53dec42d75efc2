import type { FieldErrors } from "react-hook-form";

import type { CloneFormValues } from "@/lib/schemas/clone-form";

import { type CloneFormPath, fieldId } from "./form-context";
import type { FieldProblem } from "./vcenter-field-errors";

/** Every field error of the form, as paths with their messages (nested rows included). */
export function flattenErrors(errors: FieldErrors<CloneFormValues>, prefix = ""): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const [key, value] of Object.entries(errors ?? {})) {
    if (!value || typeof value !== "object" || key === "ref") continue;
    const path = prefix ? `${prefix}.${key}` : key;
    if ("message" in value && typeof value.message === "string" && value.message)
      out.push({ path: path as CloneFormPath, message: value.message });
    else out.push(...flattenErrors(value as FieldErrors<CloneFormValues>, path));
  }
  return out;
}

/** The problems in the order their fields appear on the page, top first. */
export function inPageOrder(problems: FieldProblem[]): FieldProblem[] {
  const position = (p: FieldProblem) => document.getElementById(fieldId(p.path));
  return [...problems].sort((a, b) => {
    const [x, y] = [position(a), position(b)];
    if (!x || !y) return x ? -1 : y ? 1 : 0;
    return x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  });
}

/** "Network (Network adapter 1 (4000))": the field's label, and its device row's name if any. */
export function fieldLabel(path: CloneFormPath): string {
  const control = document.getElementById(fieldId(path));
  const label = document.getElementById(`${fieldId(path)}-label`)?.textContent?.trim() ?? path;
  // The nearest fieldset with a legend of its own: the form's outer fieldset (disabled until
  // hydrated) has none, and a descendant's legend (a NIC row's) must never name another field.
  let set = control?.closest("fieldset");
  while (set && !set.querySelector(":scope > legend"))
    set = set.parentElement?.closest("fieldset") ?? null;
  const legend = set?.querySelector(":scope > legend")?.textContent?.trim();
  return legend ? `${legend}: ${label}` : label;
}
