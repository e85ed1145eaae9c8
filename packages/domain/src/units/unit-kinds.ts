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
  'party_group',
] as const;
/** Ward (phường), special zone (đặc khu) and town (thị trấn) sit where a commune (xã) does. */
export const stateUnitKinds = [
  'province',
  'district',
  'commune',
  'ward',
  'special_zone',
  'town',
  'hamlet',
] as const;
/** Mass organisations (đoàn thể) of a commune, led by its party committee; their type is kept beside the unit. */
export const massUnitKinds = ['mass_organisation'] as const;
export const unitKinds = [...partyUnitKinds, ...stateUnitKinds, ...massUnitKinds] as const;

export const unitKind = z.enum(unitKinds);
export type UnitKind = z.infer<typeof unitKind>;

/**
 * A grassroots organisation owns members, households and everything made about
 * them; its id is the future sharding key (DESIGN.md §3).
 */
export const grassrootsKinds: readonly UnitKind[] = [
  'commune_committee',
  'base_cell',
  'commune',
  'ward',
  'special_zone',
  'town',
];

/** Units whose members and households are kept directly: the cells. */
export const cellKinds: readonly UnitKind[] = ['cell', 'base_cell'];

export function isCellKind(kind: UnitKind): boolean {
  return cellKinds.includes(kind);
}

export function isGrassrootsKind(kind: UnitKind): boolean {
  return grassrootsKinds.includes(kind);
}

/**
 * Which kinds may sit under which: keeps the party and state sides apart. A
 * cell may sit directly under a province or sector committee (chi bộ trực
 * thuộc), and a cell may hold party groups (tổ đảng). This table is the only
 * place these rules live: the units service, the import and restructuring
 * plans all ask `canContain`.
 */
const allowedChildren: Record<UnitKind, readonly UnitKind[]> = {
  province_committee: ['district_committee', 'sector_committee', 'commune_committee', 'base_cell', 'cell'],
  district_committee: ['commune_committee', 'base_cell', 'sector_committee'],
  sector_committee: ['commune_committee', 'base_cell', 'cell'],
  commune_committee: ['cell', 'commune', 'ward', 'special_zone', 'town', 'base_cell', 'mass_organisation'],
  base_cell: ['party_group'],
  cell: ['party_group'],
  party_group: [],
  province: ['district', 'commune', 'ward', 'special_zone'],
  district: ['commune', 'ward', 'town'],
  commune: ['hamlet'],
  ward: ['hamlet'],
  special_zone: ['hamlet'],
  town: ['hamlet'],
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
  party_group: { vi: 'Tổ đảng', en: 'Party group' },
  province: { vi: 'Tỉnh', en: 'Province' },
  district: { vi: 'Huyện', en: 'District' },
  commune: { vi: 'Xã', en: 'Commune' },
  ward: { vi: 'Phường', en: 'Ward' },
  special_zone: { vi: 'Đặc khu', en: 'Special zone' },
  town: { vi: 'Thị trấn', en: 'Town' },
  hamlet: { vi: 'Ấp', en: 'Hamlet' },
  mass_organisation: { vi: 'Đoàn thể', en: 'Mass organisation' },
};

/** The administrative kinds at commune level, which carry the poverty standard's area type. */
export const communeLevelKinds: readonly UnitKind[] = ['commune', 'ward', 'special_zone', 'town'];

/**
 * Area type of the poverty standard by kind (DESIGN.md §4): a commune (xã) is
 * rural, a ward (phường) and a town (thị trấn) urban; a special zone (đặc khu)
 * has no fixed answer: it starts rural and its commune sets it.
 */
export const areaTypeByKind: Partial<
  Record<UnitKind, { areaType: 'rural' | 'urban'; configurable: boolean }>
> = {
  commune: { areaType: 'rural', configurable: false },
  ward: { areaType: 'urban', configurable: false },
  town: { areaType: 'urban', configurable: false },
  special_zone: { areaType: 'rural', configurable: true },
};

/**
 * Whether a new unit owns its rows (the sharding key, DESIGN.md §3): a
 * grassroots kind not already inside an organisation, or a cell placed
 * directly under a province or sector committee, which has no organisation
 * above it to belong to.
 */
export function ownsOrganisation(kind: UnitKind, parentOrgId: number | null | undefined): boolean {
  if (parentOrgId) return false;
  return isGrassrootsKind(kind) || isCellKind(kind);
}
