import { describe, expect, it } from 'vitest';
import { nodeEndOfLifeWarning } from './node-support.js';

describe('Node.js end-of-life warning', () => {
  it('warns on Node 20 from 1 May 2026, not on its last supported day', () => {
    expect(nodeEndOfLifeWarning('v20.20.2', '2026-04-30')).toBeUndefined();
    expect(nodeEndOfLifeWarning('v20.20.2', '2026-05-01')).toContain('2026-04-30');
  });

  it('is quiet on Node 24 until its end of life in April 2028', () => {
    expect(nodeEndOfLifeWarning('v24.22.3', '2026-12-07')).toBeUndefined();
    expect(nodeEndOfLifeWarning('v24.22.3', '2028-05-01')).toContain('2028-04-30');
  });

  it('warns on a line it does not know below 24, and not above', () => {
    expect(nodeEndOfLifeWarning('v16.0.0', '2026-12-07')).toContain('not supported');
    expect(nodeEndOfLifeWarning('v26.1.0', '2026-12-07')).toBeUndefined();
  });
});
