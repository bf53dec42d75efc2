import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * False in the server render and in the browser's hydration of it, true from then on (and at
 * once in a render the browser makes alone). A server-rendered form is visible before its
 * handlers are attached: until then it stays disabled, so nothing typed or clicked is lost.
 */
export const useHydrated = () =>
  useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
