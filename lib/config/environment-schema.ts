import { z } from "zod";

// One entry of the environments file (DESIGN.md "Environments file"). Either a real vCenter
// (`url`) or a simulator the console starts itself (`simulator`), never both.
export const environmentSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, {
      error: "must be lower-case letters, digits and dashes (at most 40)",
    }),
    label: z.string().trim().min(1).max(80),
    url: z
      .url({
        protocol: /^https?$/,
        error: "must be an http(s) URL such as https://vc01.example.internal",
      })
      .optional(),
    caFile: z.string().min(1).optional(),
    insecure: z.boolean().optional(),
    timeoutMs: z.number().int().min(1000).max(600_000).optional(),
    color: z
      .string()
      .regex(/^(#[0-9a-fA-F]{3,8}|[a-z]{3,20})$/, { error: "must be a CSS colour name or #hex" })
      .optional(),
    api: z.enum(["auto", "api", "rest"]).optional(),
    // Batches: clones in flight at once against this vCenter, across every batch and person.
    maxConcurrentClones: z.number().int().min(1).max(100).optional(),
    /** How long a new clone may take to report its guest (VMware Tools) before "not ready". */
    readyTimeoutSeconds: z.number().int().min(1).max(86_400).optional(),
    inventoryTtlSeconds: z.number().int().min(1).max(86_400).optional(),
    simulator: z
      .strictObject({
        vms: z.number().int().min(1).max(200_000).optional(),
        seed: z.number().int().optional(),
        tls: z.boolean().optional(),
        mode: z.enum(["api", "rest", "legacy67"]).optional(),
        guestReadyMs: z.number().int().min(0).max(3_600_000).optional(),
      })
      .optional(),
  })
  .refine((env) => (env.url === undefined) !== (env.simulator === undefined), {
    error: "needs exactly one of url (a vCenter) or simulator",
    path: ["url"],
  });

export const environmentsFileSchema = z
  .array(environmentSchema)
  .min(1, { error: "lists no environment" })
  .superRefine((envs, ctx) => {
    const seen = new Set<string>();
    envs.forEach((env, index) => {
      if (seen.has(env.id))
        ctx.addIssue({ code: "custom", path: [index, "id"], message: `duplicate id "${env.id}"` });
      seen.add(env.id);
    });
  });

export type EnvironmentConfig = z.infer<typeof environmentSchema>;
