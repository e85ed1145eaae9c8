import { z } from 'zod';
import { dbIntMax } from './input-guards.js';

/** Client-made UUIDs (v7, time-ordered) for records created in the field. */
export const uuid = z.uuid();
/** Organisation units are a small table with database-made integer ids (a 32-bit serial on PostgreSQL). */
export const unitId = z.coerce.number().int().positive().max(dbIntMax);

/**
 * A client-made id of one versioned write (a PATCH, a report save), so that a
 * phone resending it after a lost answer gets the stored result instead of a
 * conflict with its own change. A retry sends the same body and writeId.
 */
export const writeId = z.uuid().optional();
