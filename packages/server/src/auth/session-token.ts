import { createHash } from 'node:crypto';

/** Only the SHA-256 of a session token is stored: a copy of the table opens no session. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
