import { z } from 'zod';

/**
 * An item of a grassroots organisation's commitments catalogue (e.g. "Chấp
 * hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước"): each
 * household ticks the items of the year it committed to. Items end with
 * `validToYear` rather than being deleted, so past years keep their text.
 */
export const commitmentItem = z.object({
  id: z.uuid(),
  orgId: z.number().int(),
  position: z.number().int(),
  text: z.string(),
  validFromYear: z.number().int(),
  validToYear: z.number().int().nullable(),
  version: z.number().int(),
});
export type CommitmentItem = z.infer<typeof commitmentItem>;

const year = z.number().int().min(2000).max(2100);

export const createCommitmentItemInput = z.strictObject({
  id: z.uuid().optional(),
  text: z.string().trim().min(3).max(500),
  validFromYear: year,
  validToYear: year.nullable().optional(),
  position: z.number().int().min(0).max(1000).optional(),
});
export type CreateCommitmentItemInput = z.infer<typeof createCommitmentItemInput>;

export const updateCommitmentItemInput = z.strictObject({
  version: z.number().int().min(1),
  text: z.string().trim().min(3).max(500).optional(),
  validFromYear: year.optional(),
  validToYear: year.nullable().optional(),
  position: z.number().int().min(0).max(1000).optional(),
});
export type UpdateCommitmentItemInput = z.infer<typeof updateCommitmentItemInput>;

export const commitmentItemsQuery = z.strictObject({
  /** Only the items valid in this year. */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

/** True when the item is in the catalogue of `y`. */
export function commitmentItemValidIn(
  item: Pick<CommitmentItem, 'validFromYear' | 'validToYear'>,
  y: number,
) {
  return item.validFromYear <= y && (item.validToYear === null || y <= item.validToYear);
}
