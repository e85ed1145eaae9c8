import { describe, expect, it } from 'vitest';
import { readCursor, writeCursor } from './caseload-cursor.js';

const now = new Date('2026-12-07T10:00:00.000Z');
const day = 24 * 3_600_000;

describe('the caseload cursor', () => {
  it('reads back the time it was written with, for the same account', () => {
    const at = new Date(now.getTime() - 5 * 60_000);
    expect(readCursor(writeCursor(at, 'user-a'), 'user-a', now)).toEqual(at);
  });
  it('is refused for another account, unreadable, older than 30 days or later than now', () => {
    expect(readCursor(writeCursor(now, 'user-a'), 'user-b', now)).toBeNull();
    expect(readCursor('not a cursor', 'user-a', now)).toBeNull();
    expect(readCursor(Buffer.from('{"v":2}').toString('base64url'), 'user-a', now)).toBeNull();
    expect(readCursor(writeCursor(new Date(now.getTime() - 31 * day), 'user-a'), 'user-a', now)).toBeNull();
    expect(
      readCursor(writeCursor(new Date(now.getTime() - 29 * day), 'user-a'), 'user-a', now),
    ).not.toBeNull();
    expect(readCursor(writeCursor(new Date(now.getTime() + 60_000), 'user-a'), 'user-a', now)).toBeNull();
    expect(readCursor(undefined, 'user-a', now)).toBeNull();
  });
});
