import type { ApiError } from "@/lib/api/api-error";
import { specPathToFormPath } from "@/lib/schemas/clone-form-paths";

import { type CloneForm, type CloneFormPath, fieldId } from "./form-context";

/**
 * Puts what the server said about fields back on those fields: the console's field_errors
 * (spec paths) on their inputs, and vCenter's ALREADY_EXISTS on Name. The first field is
 * focused and scrolled into view. Errors that match no field stay in the error stack.
 */
export function applyServerErrors(form: CloneForm, error: ApiError): void {
  const values = form.getValues();
  const paths: CloneFormPath[] = [];
  for (const [specPath, message] of Object.entries(error.fieldErrors)) {
    const path = specPathToFormPath(specPath, values) as CloneFormPath | undefined;
    if (!path) continue;
    form.setError(path, { type: "server", message });
    paths.push(path);
  }
  if (error.errorType === "ALREADY_EXISTS") {
    form.setError("name", {
      type: "server",
      message: "A VM with this name already exists in the target folder",
    });
    paths.unshift("name");
  }
  if (paths.length > 0) focusField(form, paths[0]);
}

export function focusField(form: CloneForm, path: CloneFormPath): void {
  // After React has drawn the error (and any field the error revealed).
  requestAnimationFrame(() => {
    form.setFocus(path, { shouldSelect: path === "name" });
    document.getElementById(fieldId(path))?.scrollIntoView({ block: "center", behavior: "smooth" });
  });
}
