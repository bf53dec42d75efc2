import "server-only";

/** The console refused before anything reached vCenter (bad input, not logged in, cross-site…). */
export class ConsoleError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
  }
}

export const notLoggedIn = () => new ConsoleError(401, "Log in to this vCenter first");
export const unknownEnvironment = (id: string) =>
  new ConsoleError(404, `There is no environment "${id.slice(0, 60)}" in the environments file`);
