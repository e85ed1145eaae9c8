import type { CellRole, MemberStatus, PovertyStatus, Sex, UnitKind } from '@caunoi/domain';
import type { DemoPerson } from '../demo/demo-types.js';
import { householdPeople } from '../demo/household-people.js';
import { createRng, hashSeed, type Rng } from '../demo/prng.js';
import { kinhName, pickFamilyName } from '../demo/vietnamese-names.js';
import { placeName } from './place-names.js';
import { syntheticId } from './synthetic-ids.js';

/**
 * A synthetic province of any size for the benchmarks (issue 4): a province
 * committee, communes of 10–20 cells, cells of 100–600 households, about one
 * party member per 10 households, about 2 % poor and 2 % near-poor
 * households, Vietnamese names and addresses, and assignments with a year of
 * history. Pure and deterministic: the same options give the same province.
 * It is produced commune by commune (a generator), so a million households
 * never sit in memory at once; each commune draws from its own random
 * stream, so a bigger province starts with the same communes as a smaller one.
 */
export interface SyntheticOptions {
  households: number;
  seed?: string;
}

export interface SyntheticUnit {
  id: number;
  code: string;
  name: string;
  kind: UnitKind;
  parentId: number | null;
  path: string;
  depth: number;
  orgId: number | null;
  hamletId: number | null;
}

export interface SyntheticMember {
  id: string;
  code: string;
  fullName: string;
  orgId: number;
  cellId: number;
  scopePath: string;
  status: MemberStatus;
  role: CellRole;
  exempt: boolean;
  birthYear: number;
  sex: Sex;
  phone: string;
  activeFrom: string;
}

export interface SyntheticHousehold {
  id: string;
  code: string;
  orgId: number;
  cellId: number;
  hamletId: number;
  scopePath: string;
  headName: string;
  address: string;
  povertyStatus: PovertyStatus;
  needsHelp: boolean;
  policyFamily: boolean;
  /** Head first. */
  people: (DemoPerson & { id: string })[];
}

export interface SyntheticAssignment {
  id: string;
  orgId: number;
  memberId: string;
  householdId: string;
  startDate: string;
  endDate: string | null;
  reason: string;
  endReason: string | null;
}

export interface SyntheticCommune {
  units: SyntheticUnit[];
  members: SyntheticMember[];
  households: SyntheticHousehold[];
  assignments: SyntheticAssignment[];
}

export const SYNTHETIC_PROVINCE_CODE = 'SYN';
export const SYNTHETIC_POVERTY_YEAR = 2025;
/** Units take effect on the day the two-level local government began. */
export const SYNTHETIC_VALID_FROM = '2025-07-01';
const CELL_MIN = 100;
const CELL_MAX = 600;

export function syntheticProvince(): SyntheticUnit {
  return {
    id: 1,
    code: SYNTHETIC_PROVINCE_CODE,
    name: 'Đảng bộ tỉnh Thử Nghiệm (dữ liệu tổng hợp)',
    kind: 'province_committee',
    parentId: null,
    path: '/1/',
    depth: 0,
    orgId: null,
    hamletId: null,
  };
}

/** Sizes of the cells of one commune, drawn from what is left to place. */
function cellSizes(rng: Rng, left: number): number[] {
  const sizes: number[] = [];
  const cells = rng.int(10, 20);
  while (sizes.length < cells && left > 0) {
    let size: number;
    if (left <= CELL_MAX) size = left;
    else {
      size = rng.int(CELL_MIN, CELL_MAX);
      // Never leave a remainder too small to be a cell of its own.
      if (left - size < CELL_MIN) size = left - CELL_MIN;
    }
    sizes.push(size);
    left -= size;
  }
  return sizes;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function isoDay(year: number, dayOfYear: number): string {
  const date = new Date(Date.UTC(year, 0, 1 + dayOfYear));
  return date.toISOString().slice(0, 10);
}

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function povertyOf(rng: Rng): { status: PovertyStatus; needsHelp: boolean } {
  const u = rng.next();
  if (u < 0.02) return { status: 'poor', needsHelp: rng.chance(0.6) };
  if (u < 0.04) return { status: 'near_poor', needsHelp: rng.chance(0.4) };
  if (u < 0.1) return { status: 'average', needsHelp: rng.chance(0.02) };
  return { status: 'none', needsHelp: rng.chance(0.005) };
}

/** Counters shared across communes: ids and codes run on through the province. */
interface Counters {
  unitId: number;
  member: number;
  household: number;
  person: number;
  assignment: number;
}

function members(
  rng: Rng,
  counters: Counters,
  salt: number,
  cell: SyntheticUnit,
  communeNo: number,
  count: number,
): SyntheticMember[] {
  const list: SyntheticMember[] = [];
  for (let i = 0; i < count; i += 1) {
    const role: CellRole = i === 0 ? 'secretary' : i === 1 ? 'deputy' : 'member';
    const status: MemberStatus = role === 'member' && rng.chance(0.05) ? 'probationary' : 'official';
    const sex: Sex = rng.chance(0.62) ? 'male' : 'female';
    const birthYear = status === 'probationary' ? rng.int(1985, 2003) : rng.int(1950, 1998);
    // Old members may be exempt from activities (miễn sinh hoạt); leaders never are.
    const exempt = role === 'member' && birthYear < 1962 && rng.chance(0.35);
    counters.member += 1;
    list.push({
      id: syntheticId('member', counters.member, salt),
      code: `DV-X${pad(communeNo, 3)}-${pad(counters.member, 6)}`,
      fullName: kinhName(rng, pickFamilyName(rng), sex, birthYear),
      orgId: cell.orgId!,
      cellId: cell.id,
      scopePath: cell.path,
      status,
      role,
      exempt,
      birthYear,
      sex,
      phone: `09${pad(rng.int(0, 99_999_999), 8)}`,
      activeFrom: status === 'probationary' ? isoDay(2024, rng.int(0, 364)) : isoDay(rng.int(1990, 2022), 0),
    });
  }
  return list;
}

/**
 * The cell's households dealt to its members who take part (not exempt):
 * households needing help first, so they spread evenly; about 2 % left
 * unassigned (the alerts have something to show); about 3 % carry an earlier
 * assignment to another member that ended in the spring, a year of history.
 */
function assignCell(
  rng: Rng,
  counters: Counters,
  salt: number,
  households: SyntheticHousehold[],
  cellMembers: SyntheticMember[],
): SyntheticAssignment[] {
  const takers = rng.shuffle(cellMembers.filter((m) => !m.exempt));
  if (takers.length === 0) return [];
  const priority = (h: SyntheticHousehold) =>
    h.povertyStatus === 'poor' || h.povertyStatus === 'near_poor' || h.needsHelp ? 0 : 1;
  const order = [...households].sort((a, b) => priority(a) - priority(b));
  const assignments: SyntheticAssignment[] = [];
  let turn = rng.int(0, takers.length - 1);
  for (const household of order) {
    if (rng.chance(0.02)) continue;
    const member = takers[turn % takers.length]!;
    turn += 1;
    const startDate = isoDay(2025, rng.int(0, 180));
    if (takers.length > 1 && rng.chance(0.03)) {
      const previous = takers[turn % takers.length]!;
      counters.assignment += 1;
      assignments.push({
        id: syntheticId('assignment', counters.assignment, salt),
        orgId: household.orgId,
        memberId: previous.id,
        householdId: household.id,
        startDate: isoDay(2024, rng.int(0, 120)),
        endDate: dayBefore(startDate),
        reason: 'Phân công ban đầu',
        endReason: 'Điều chỉnh phân công',
      });
    }
    counters.assignment += 1;
    assignments.push({
      id: syntheticId('assignment', counters.assignment, salt),
      orgId: household.orgId,
      memberId: member.id,
      householdId: household.id,
      startDate,
      endDate: null,
      reason: 'Phân công theo nghị quyết chi bộ',
      endReason: null,
    });
  }
  return assignments;
}

function commune(rng: Rng, counters: Counters, salt: number, no: number, left: number): SyntheticCommune {
  const province = syntheticProvince();
  const communeName = placeName(rng);
  const khmerShare = rng.pick([0.01, 0.03, 0.05, 0.3]);
  const committeeId = ++counters.unitId;
  const committee: SyntheticUnit = {
    id: committeeId,
    code: `${SYNTHETIC_PROVINCE_CODE}-X${pad(no, 3)}`,
    name: `Đảng bộ xã ${communeName}`,
    kind: 'commune_committee',
    parentId: province.id,
    path: `${province.path}${committeeId}/`,
    depth: 1,
    orgId: committeeId,
    hamletId: null,
  };
  const stateId = ++counters.unitId;
  const state: SyntheticUnit = {
    id: stateId,
    code: `${committee.code}-XA`,
    name: `Xã ${communeName}`,
    kind: 'commune',
    parentId: committeeId,
    path: `${committee.path}${stateId}/`,
    depth: 2,
    orgId: committeeId,
    hamletId: null,
  };
  const result: SyntheticCommune = {
    units: [committee, state],
    members: [],
    households: [],
    assignments: [],
  };
  const usedHamletNames = new Set<string>();
  cellSizes(rng, left).forEach((size, index) => {
    let hamletName = placeName(rng);
    if (usedHamletNames.has(hamletName)) hamletName = `${hamletName} ${index + 1}`;
    usedHamletNames.add(hamletName);
    const hamletId = ++counters.unitId;
    const hamlet: SyntheticUnit = {
      id: hamletId,
      code: `${committee.code}-A${pad(index + 1, 2)}`,
      name: `Ấp ${hamletName}`,
      kind: 'hamlet',
      parentId: stateId,
      path: `${state.path}${hamletId}/`,
      depth: 3,
      orgId: committeeId,
      hamletId: null,
    };
    const cellId = ++counters.unitId;
    const cell: SyntheticUnit = {
      id: cellId,
      code: `${committee.code}-C${pad(index + 1, 2)}`,
      name: `Chi bộ ấp ${hamletName}`,
      kind: 'cell',
      parentId: committeeId,
      path: `${committee.path}${cellId}/`,
      depth: 2,
      orgId: committeeId,
      hamletId,
    };
    result.units.push(hamlet, cell);

    const cellMembers = members(rng, counters, salt, cell, no, Math.max(3, Math.round(size / 10)));
    result.members.push(...cellMembers);
    const groups = Math.max(4, Math.round(size / 40));
    const cellHouseholds: SyntheticHousehold[] = [];
    for (let k = 0; k < size; k += 1) {
      const poverty = povertyOf(rng);
      const people = householdPeople(rng, rng.chance(khmerShare)).map((p) => {
        counters.person += 1;
        return { ...p, id: syntheticId('person', counters.person, salt) };
      });
      counters.household += 1;
      const household: SyntheticHousehold = {
        id: syntheticId('household', counters.household, salt),
        code: `HGD-X${pad(no, 3)}-${pad(counters.household, 7)}`,
        orgId: committeeId,
        cellId,
        hamletId,
        scopePath: cell.path,
        headName: people[0]!.fullName,
        address: `Tổ ${Math.floor((k * groups) / size) + 1}, ấp ${hamletName}, xã ${communeName}`,
        povertyStatus: poverty.status,
        needsHelp: poverty.needsHelp,
        policyFamily: rng.chance(0.03),
        people,
      };
      cellHouseholds.push(household);
    }
    result.households.push(...cellHouseholds);
    result.assignments.push(...assignCell(rng, counters, salt, cellHouseholds, cellMembers));
  });
  return result;
}

/** The communes, in order, until `households` households have been placed. */
export function* syntheticCommunes(options: SyntheticOptions): Generator<SyntheticCommune> {
  const seed = options.seed ?? 'caunoi-synthetic';
  const salt = hashSeed(seed);
  const counters: Counters = { unitId: 1, member: 0, household: 0, person: 0, assignment: 0 };
  let left = options.households;
  for (let no = 1; left > 0; no += 1) {
    const rng = createRng(`${seed}/commune/${no}`);
    const next = commune(rng, counters, salt, no, left);
    left -= next.households.length;
    yield next;
  }
}
