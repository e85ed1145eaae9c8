import { z } from 'zod';

/**
 * Party side and state side of the organisation tree. District kinds stay for
 * history: districts were abolished on 1 July 2025 but the 2023 structure is
 * still recorded with its valid-to date.
 */
export const partyUnitKinds = [
  'province_committee',
  'district_committee',
  'sector_committee',
  'commune_committee',
  'base_cell',
  'cell',
] as const;
export const stateUnitKinds = ['province', 'district', 'commune', 'hamlet'] as const;
/** Mass organisations (đoàn thể) of a commune, led by its party committee; their type is kept beside the unit. */
export const massUnitKinds = ['mass_organisation'] as const;
export const unitKinds = [...partyUnitKinds, ...stateUnitKinds, ...massUnitKinds] as const;

export const unitKind = z.enum(unitKinds);
export type UnitKind = z.infer<typeof unitKind>;

/**
 * A grassroots organisation owns members, households and everything made about
 * them; its id is the future sharding key (DESIGN.md §3).
 */
export const grassrootsKinds: readonly UnitKind[] = ['commune_committee', 'base_cell', 'commune'];

/** Units whose members and households are kept directly: the cells. */
export const cellKinds: readonly UnitKind[] = ['cell', 'base_cell'];

export function isCellKind(kind: UnitKind): boolean {
  return cellKinds.includes(kind);
}

export function isGrassrootsKind(kind: UnitKind): boolean {
  return grassrootsKinds.includes(kind);
}

/** Which kinds may sit under which: keeps the party and state sides apart. */
const allowedChildren: Record<UnitKind, readonly UnitKind[]> = {
  province_committee: ['district_committee', 'sector_committee', 'commune_committee', 'base_cell'],
  district_committee: ['commune_committee', 'base_cell', 'sector_committee'],
  sector_committee: ['commune_committee', 'base_cell'],
  commune_committee: ['cell', 'commune', 'base_cell', 'mass_organisation'],
  base_cell: [],
  cell: [],
  province: ['district', 'commune'],
  district: ['commune'],
  commune: ['hamlet'],
  hamlet: [],
  mass_organisation: [],
};

export function canContain(parent: UnitKind, child: UnitKind): boolean {
  return allowedChildren[parent].includes(child);
}

export const unitKindLabels: Record<UnitKind, { vi: string; en: string }> = {
  province_committee: { vi: 'Đảng bộ tỉnh', en: 'Province committee' },
  district_committee: { vi: 'Đảng bộ huyện', en: 'District committee' },
  sector_committee: { vi: 'Đảng bộ khối', en: 'Sector committee' },
  commune_committee: { vi: 'Đảng bộ xã', en: 'Commune committee' },
  base_cell: { vi: 'Chi bộ cơ sở', en: 'Base cell' },
  cell: { vi: 'Chi bộ', en: 'Cell' },
  province: { vi: 'Tỉnh', en: 'Province' },
  district: { vi: 'Huyện', en: 'District' },
  commune: { vi: 'Xã', en: 'Commune' },
  hamlet: { vi: 'Ấp', en: 'Hamlet' },
  mass_organisation: { vi: 'Đoàn thể', en: 'Mass organisation' },
};
