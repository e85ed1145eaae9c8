import { z } from 'zod';

/** Client-made UUIDs (v7, time-ordered) for records created in the field. */
export const uuid = z.uuid();
/** Organisation units are a small table with database-made integer ids. */
export const unitId = z.coerce.number().int().positive();
