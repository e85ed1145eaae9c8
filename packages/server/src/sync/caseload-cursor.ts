import { z } from 'zod';

/**
 * The sync cursor: base64url of `{ v: 1, at, user }`. Opaque to the phone;
 * the server reads it back only for the account that got it.
 */
const cursorBody = z.strictObject({ v: z.literal(1), at: z.iso.datetime(), user: z.string() });

/** A cursor older than this is refused (full sync): a phone away that long gets a fresh copy. */
export const cursorMaxAgeMs = 30 * 24 * 3_600_000;

export function writeCursor(at: Date, userId: string): string {
  return Buffer.from(JSON.stringify({ v: 1, at: at.toISOString(), user: userId })).toString('base64url');
}

/**
 * The time a cursor stands for, or null when it cannot be used: unreadable,
 * another account's, older than 30 days, or later than now (a cursor from the
 * future would hide every change until then).
 */
export function readCursor(cursor: string | undefined, userId: string, now: Date): Date | null {
  if (!cursor) return null;
  let body: z.infer<typeof cursorBody>;
  try {
    body = cursorBody.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    return null;
  }
  if (body.user !== userId) return null;
  const at = new Date(body.at);
  const age = now.getTime() - at.getTime();
  return age < 0 || age > cursorMaxAgeMs ? null : at;
}
