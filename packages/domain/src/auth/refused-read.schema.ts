import { z } from 'zod';

/**
 * Requests refused as "not found" (an id outside the caller's scope reads
 * exactly like one that does not exist), counted per account and minute:
 * what a leadership account looks at to see probing.
 */
export const refusedReadEntry = z.object({
  userId: z.string(),
  username: z.string().nullable(),
  /** `YYYY-MM-DDTHH:MM`, UTC. */
  minute: z.string(),
  count: z.number().int(),
  /** The route pattern of the last refusal in that minute, without ids. */
  lastRoute: z.string(),
  lastAt: z.string(),
});
export type RefusedReadEntry = z.infer<typeof refusedReadEntry>;

export const refusedReadsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
