import { describe, expect, it } from 'vitest';
import { canContain, isCellKind, isGrassrootsKind } from './unit-kinds.js';

describe('unit kinds', () => {
  it('keeps the party and state sides apart', () => {
    expect(canContain('commune_committee', 'cell')).toBe(true);
    expect(canContain('commune', 'hamlet')).toBe(true);
    expect(canContain('cell', 'hamlet')).toBe(false);
    expect(canContain('hamlet', 'cell')).toBe(false);
    expect(canContain('province_committee', 'hamlet')).toBe(false);
  });

  it('knows the grassroots owners and the cells', () => {
    expect(isGrassrootsKind('commune_committee')).toBe(true);
    expect(isGrassrootsKind('district_committee')).toBe(false);
    expect(isCellKind('cell') && isCellKind('base_cell')).toBe(true);
    expect(isCellKind('hamlet')).toBe(false);
  });
});
