import type { ApiError } from "@/lib/api/api-error";
import { specPathToFormPath } from "@/lib/schemas/clone-form-paths";

import { type CloneForm, type CloneFormPath, fieldId } from "./form-context";
import type { FieldProblem } from "./vcenter-field-errors";

/**
 * Puts what the server said about fields back on those fields: the console's field_errors
 * (spec paths) on their inputs, and the fields vCenter's messages name (ALREADY_EXISTS on Name,
 * a refused datastore on Datastore, ...). Errors that match no field stay in the error stack.
 * Returns the fields marked; the error summary names them and takes the focus.
 */
export async function applyServerErrors(form: CloneForm, error: ApiError): Promise<FieldProblem[]> {
  const values = form.getValues();
  const problems: FieldProblem[] = [];
  for (const [specPath, message] of Object.entries(error.fieldErrors)) {
    const path = specPathToFormPath(specPath, values) as CloneFormPath | undefined;
    if (path) problems.push({ path, message });
  }
  // Reading vCenter's messages for the fields they name is code a page without a failure never
  // needs: fetched at the first failure. If it cannot be (the console is down), the error stack
  // alone shows them.
  const named = await import("./vcenter-field-errors").then(
    (module) => module.vcenterFieldErrors(error, values),
    () => [],
  );
  for (const problem of named)
    if (!problems.some((p) => p.path === problem.path)) problems.push(problem);
  if (error.errorType === "ALREADY_EXISTS") {
    const message = "A VM with this name already exists in the target folder";
    const named = problems.findIndex((p) => p.path === "name");
    if (named >= 0) problems.splice(named, 1);
    problems.unshift({ path: "name", message });
  }
  for (const { path, message } of problems) form.setError(path, { type: "server", message });
  return problems;
}

/** Focuses a field and brings it to the middle of the screen, clear of the sticky submit bar. */
export function focusField(form: CloneForm, path: CloneFormPath): void {
  // After React has drawn the error (and any field the error revealed).
  requestAnimationFrame(() => {
    form.setFocus(path, { shouldSelect: path === "name" });
    document.getElementById(fieldId(path))?.scrollIntoView({ block: "center" });
  });
}
