import { type CloneFormValues, cloneFormValuesSchema } from "@/lib/schemas/clone-form";

// The form's values survive a trip to the login page in sessionStorage (this tab only, gone
// when the tab closes). They hold no secret: ids, names and overrides.

const storageKey = (env: string) => `instant-clone-console:draft:${env}`;

export function saveDraft(env: string, values: CloneFormValues): void {
  try {
    sessionStorage.setItem(storageKey(env), JSON.stringify(values));
  } catch {
    // Storage full or disabled: the form is lost on login, as without this feature.
  }
}

export function readDraft(env: string): CloneFormValues | undefined {
  try {
    const raw = sessionStorage.getItem(storageKey(env));
    if (!raw) return undefined;
    const parsed = cloneFormValuesSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function clearDraft(env: string): void {
  try {
    sessionStorage.removeItem(storageKey(env));
  } catch {
    // Nothing to clear.
  }
}
