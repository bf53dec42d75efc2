import { z } from "zod";

/**
 * A whole number in a query string, written in decimal digits only: z.coerce.number() would
 * also take "0x10", "1e3", " 7" and "" and quietly read them as 16, 1000, 7 and 0.
 */
export const queryInt = (min: number, max: number, fallback: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, { error: "Must be a whole number in decimal digits" })
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(min, { error: `Must be at least ${min}` })
        .max(max, { error: `Must be at most ${max}` }),
    )
    .optional()
    .transform((value) => value ?? fallback);
