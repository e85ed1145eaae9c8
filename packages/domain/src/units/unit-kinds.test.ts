import { describe, expect, it } from 'vitest';
import { areaTypeByKind, canContain, isCellKind, isGrassrootsKind, ownsOrganisation } from './unit-kinds.js';

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

describe('unit kinds for restructuring', () => {
  it('allows party groups under a cell and cells directly under a province or sector committee', () => {
    expect(canContain('cell', 'party_group')).toBe(true);
    expect(canContain('base_cell', 'party_group')).toBe(true);
    expect(canContain('commune_committee', 'party_group')).toBe(false);
    expect(canContain('party_group', 'cell')).toBe(false);
    expect(canContain('province_committee', 'cell')).toBe(true);
    expect(canContain('sector_committee', 'cell')).toBe(true);
  });

  it('knows wards, special zones and towns as administrative kinds with their area type', () => {
    expect(canContain('province', 'ward')).toBe(true);
    expect(canContain('province', 'special_zone')).toBe(true);
    expect(canContain('district', 'town')).toBe(true);
    expect(canContain('ward', 'hamlet')).toBe(true);
    expect(canContain('ward', 'cell')).toBe(false);
    expect(areaTypeByKind.commune?.areaType).toBe('rural');
    expect(areaTypeByKind.ward?.areaType).toBe('urban');
    expect(areaTypeByKind.town?.areaType).toBe('urban');
    expect(areaTypeByKind.special_zone?.configurable).toBe(true);
  });

  it('makes a cell under a province committee its own organisation', () => {
    expect(ownsOrganisation('cell', null)).toBe(true);
    expect(ownsOrganisation('cell', 7)).toBe(false);
    expect(ownsOrganisation('commune_committee', null)).toBe(true);
    expect(ownsOrganisation('province_committee', null)).toBe(false);
  });
});
