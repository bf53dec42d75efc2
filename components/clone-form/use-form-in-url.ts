import { useEffect } from "react";
import { useWatch } from "react-hook-form";

import { formValuesToQuery } from "@/lib/schemas/clone-form-query";

import { joinQueries } from "./batch-draft-query";
import type { CloneForm } from "./form-context";

const WRITE_DELAY_MS = 300;

/**
 * Keeps the address bar equal to the form, in the query "Copy link" writes: Reload and Back
 * then bring every value back, and the address is always a working bookmark. replaceState, not
 * pushState: typing must not fill the Back button with one entry per key.
 */
export function useFormInUrl(form: CloneForm, batchQuery: string) {
  const values = useWatch({ control: form.control });
  useEffect(() => {
    const timer = setTimeout(() => {
      const query = joinQueries(formValuesToQuery(form.getValues()), batchQuery);
      const url = `${window.location.pathname}${query ? `?${query}` : ""}`;
      if (url !== window.location.pathname + window.location.search)
        window.history.replaceState(window.history.state, "", url);
    }, WRITE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [values, form, batchQuery]);
}
