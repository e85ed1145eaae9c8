import { describe, expect, it } from 'vitest';
import { caseloadVisitsFrom } from './caseload-sync.schema.js';

describe('caseloadVisitsFrom', () => {
  it('goes back one calendar year, to the same day', () => {
    expect(caseloadVisitsFrom('2026-12-07')).toBe('2025-12-07');
    expect(caseloadVisitsFrom('2026-01-01')).toBe('2025-01-01');
  });
  it('turns 29 February into 1 March of a common year', () => {
    expect(caseloadVisitsFrom('2028-02-29')).toBe('2027-03-01');
  });
});
