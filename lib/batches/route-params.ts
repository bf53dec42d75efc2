import "server-only";

import { z } from "zod";

import { ConsoleError } from "@/lib/http/console-error";

// Shared by the batch routes: the {id} in the path, and the Idempotency-Key header (the same
// rule as the instant-clone route).

export const batchIdOf = (params: Record<string, string>): string =>
  z.object({ id: z.uuid({ error: "Must be a batch id" }) }).parse({ id: params.id }).id;

export const idempotencyKeyOf = (req: Request): string | undefined =>
  z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,100}$/, {
      error: "Idempotency-Key must be 8 to 100 letters, digits, - or _",
    })
    .optional()
    .parse(req.headers.get("idempotency-key") ?? undefined);

export const noSuchBatch = (id: string) =>
  new ConsoleError(404, `There is no batch ${id} in this environment`);
