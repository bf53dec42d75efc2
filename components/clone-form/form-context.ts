import {
  type FieldPath,
  get,
  useFormContext,
  useFormState,
  type UseFormReturn,
} from "react-hook-form";

import type { CloneFormValues } from "@/lib/schemas/clone-form";
import type { InstantCloneSpec } from "@/lib/schemas/instant-clone";

/** The one form of the page: the form's own values in, vCenter's InstantCloneSpec out. */
export type CloneForm = UseFormReturn<CloneFormValues, unknown, InstantCloneSpec>;
export type CloneFormPath = FieldPath<CloneFormValues>;

export const useCloneFormContext = () =>
  useFormContext<CloneFormValues, unknown, InstantCloneSpec>();

/** A DOM id per form path, so a server error can scroll its field into view. */
export const fieldId = (path: string) => `field-${path.replaceAll(".", "-")}`;

/** The error message of one field, re-rendering only when that field's error changes. */
export function useFieldError(path: CloneFormPath): string | undefined {
  const { errors } = useFormState<CloneFormValues>({ name: path });
  const error: unknown = get(errors, path);
  return error &&
    typeof error === "object" &&
    "message" in error &&
    typeof error.message === "string"
    ? error.message
    : undefined;
}
