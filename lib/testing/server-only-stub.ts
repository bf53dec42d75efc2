// Stands in for the "server-only" marker package under Vitest, which is not a Next.js server.
export {};
