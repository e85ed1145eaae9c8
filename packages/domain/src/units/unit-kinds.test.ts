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

  it('puts mass organisations under a commune committee only', () => {
    expect(canContain('commune_committee', 'mass_organisation')).toBe(true);
    expect(canContain('commune', 'mass_organisation')).toBe(false);
    expect(canContain('cell', 'mass_organisation')).toBe(false);
    expect(canContain('mass_organisation', 'cell')).toBe(false);
    expect(isGrassrootsKind('mass_organisation')).toBe(false);
  });

  it('knows the grassroots owners and the cells', () => {
    expect(isGrassrootsKind('commune_committee')).toBe(true);
    expect(isGrassrootsKind('district_committee')).toBe(false);
    expect(isCellKind('cell') && isCellKind('base_cell')).toBe(true);
    expect(isCellKind('hamlet')).toBe(false);
  });
});
