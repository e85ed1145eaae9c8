import { z } from 'zod';

/**
 * Lists page by offset and never count everything: a common name matches tens
 * of thousands of rows (DESIGN.md §3). `nextOffset` is null on the last page.
 */
export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type PageQuery = z.infer<typeof pageQuery>;

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextOffset: z.number().int().nullable() });
}

export interface Page<T> {
  items: T[];
  nextOffset: number | null;
}

/** Builds a page from `limit + 1` fetched rows: the extra row only says "there is more". */
export function toPage<T>(rows: T[], query: PageQuery): Page<T> {
  const more = rows.length > query.limit;
  return {
    items: more ? rows.slice(0, query.limit) : rows,
    nextOffset: more ? query.offset + query.limit : null,
  };
}
