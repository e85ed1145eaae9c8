import type { CellRole, MemberStatus, PovertyStatus, Sex } from '@caunoi/domain';
import type {
  DemoAccount,
  DemoAssignment,
  DemoData,
  DemoHousehold,
  DemoMember,
  DemoUnit,
} from './demo-types.js';
import {
  cellCode,
  committeeCode,
  communeCode,
  DISTRICT_CODE,
  hamletCode,
  hoaThuan,
  PROVINCE_CODE,
  thanhLoc,
  type CommuneSpec,
  type PovertySpec,
} from './giong-rieng-spec.js';
import { generateRestOfDistrict } from './district-demo.js';
import { householdPeople } from './household-people.js';
import { at, createRng, type Rng } from './prng.js';
import { randomName } from './vietnamese-names.js';

/**
 * The demo: Giồng Riềng district (Kiên Giang) as in the 2023 report
 * (shared data/giong-rieng-2023.json), with its two model communes. Thạnh Lộc
 * follows the report's hamlet rows and household figures exactly; Hòa Thuận
 * follows its commune line (297 members, 255 assigned, 3,443 households,
 * 8–18 per member). Pure and deterministic: same output on every call.
 */

export const DEMO_PASSWORD = 'caunoi-demo-2023';
const SEED = 'caunoi-giong-rieng-2023-10-18';
const VALID_FROM = '2020-01-01';
const POVERTY_YEAR = 2023;
const DISTRICT = 'huyện Giồng Riềng, tỉnh Kiên Giang';
const REASON = 'Phân công theo Nghị quyết chi bộ';
const REASON_NEW_MEMBER = 'Phân công đảng viên mới kết nạp theo Nghị quyết chi bộ';
const REASON_REVIEW = 'Điều chỉnh phân công sau rà soát hộ nghèo, hộ cận nghèo cuối năm 2021';

// ---------------------------------------------------------------------------
// Dates

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const time = Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1) + days * 86_400_000;
  return new Date(time).toISOString().slice(0, 10);
}

function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

/** Admissions cluster on the party's anniversaries: 3/2, 19/5, 2/9, 7/11, 22/12. */
const admissionDays: readonly (readonly [number, number])[] = [
  [2, 3],
  [5, 19],
  [9, 2],
  [11, 7],
  [12, 22],
];

function admissionDate(rng: Rng, year: number, fromMonth = 1): string {
  if (fromMonth === 1 && rng.chance(0.35)) {
    const [month, day] = rng.pick(admissionDays);
    return isoDate(year, month, day);
  }
  return isoDate(year, rng.int(fromMonth, 12), rng.int(1, 28));
}

// ---------------------------------------------------------------------------
// Loads: how many households each assigned member follows

/**
 * `n` integers in [lo, hi] summing to `total`, spread around the mean by
 * random pairwise transfers (which keep the sum), in random order.
 */
function spreadLoads(rng: Rng, total: number, n: number, lo: number, hi: number): number[] {
  if (n <= 0 || n * lo > total || n * hi < total) {
    throw new Error(`cannot spread ${total} over ${n} members within ${lo}..${hi}`);
  }
  const base = Math.floor(total / n);
  const extra = total - base * n;
  const loads = Array.from({ length: n }, (_, i) => base + (i < extra ? 1 : 0));
  for (let k = 0; k < n * 3; k += 1) {
    const i = rng.int(0, n - 1);
    const j = rng.int(0, n - 1);
    const amount = rng.int(1, 2);
    const from = at(loads, i);
    const to = at(loads, j);
    if (i !== j && from - amount >= lo && to + amount <= hi) {
      loads[i] = from - amount;
      loads[j] = to + amount;
    }
  }
  return rng.shuffle(loads);
}

/** Per hamlet cell, the loads of its assigned members (same order as the spec). */
function communeLoads(rng: Rng, c: CommuneSpec): number[][] {
  const [lo, hi] = c.load.inner;
  if (c.totalHouseholds !== undefined) {
    // Only the commune total is known: spread it over all assigned members,
    // then deal the members into their cells.
    const members = c.hamletCells.reduce((sum, h) => sum + h.assigned, 0);
    const loads = rng.shuffle([
      c.load.min,
      c.load.max,
      ...spreadLoads(rng, c.totalHouseholds - c.load.min - c.load.max, members - 2, lo, hi),
    ]);
    let offset = 0;
    return c.hamletCells.map((h) => {
      const part = loads.slice(offset, offset + h.assigned);
      offset += h.assigned;
      return part;
    });
  }
  return c.hamletCells.map((h) => {
    const households = h.households ?? 0;
    const fixed: number[] = [];
    if (h.slug === c.minIn) fixed.push(c.load.min);
    if (h.slug === c.maxIn) fixed.push(c.load.max);
    const fixedSum = fixed.reduce((a, b) => a + b, 0);
    const rest = spreadLoads(rng, households - fixedSum, h.assigned - fixed.length, lo, hi);
    return rng.shuffle([...fixed, ...rest]);
  });
}

// ---------------------------------------------------------------------------
// Members

type MemberKind = 'secretary' | 'deputy' | 'ordinary' | 'exempt' | 'newProbationary';

interface MemberDraft {
  member: DemoMember;
  /** Households this member follows (0: not assigned). */
  load: number;
  /** When this member's assignments begin. */
  assignFrom: string;
}

/** Keeps members' phones and names distinct within a commune. */
class Registry {
  private readonly phones = new Set<string>();
  private readonly names = new Set<string>();
  private readonly prefixes = ['090', '091', '093', '094', '096', '097', '098'];

  phone(rng: Rng): string {
    const digits = (n: number): string => Array.from({ length: n }, () => String(rng.int(0, 9))).join('');
    for (;;) {
      const phone = `${rng.pick(this.prefixes)}${digits(1)} ${digits(3)} ${digits(3)}`;
      if (!this.phones.has(phone)) {
        this.phones.add(phone);
        return phone;
      }
    }
  }

  /** Two members of one commune with the same full name would only confuse the demo. */
  name(make: () => string): string {
    let name = make();
    for (let tries = 0; this.names.has(name) && tries < 20; tries += 1) name = make();
    this.names.add(name);
    return name;
  }
}

function memberBirthYear(rng: Rng, kind: MemberKind, status: MemberStatus): number {
  if (kind === 'exempt') return rng.int(1936, 1954);
  if (kind === 'secretary' || kind === 'deputy') return rng.int(1962, 1986);
  if (status === 'probationary') return rng.int(1990, 2003);
  const band = rng.next();
  if (band < 0.2) return rng.int(1955, 1965);
  if (band < 0.6) return rng.int(1966, 1980);
  if (band < 0.95) return rng.int(1981, 1995);
  return rng.int(1996, 2000);
}

function memberActiveFrom(rng: Rng, kind: MemberKind, status: MemberStatus, birthYear: number): string {
  // Probationary in 2023: admitted in the second half of 2022 (probation lasts 12 months).
  if (status === 'probationary') return admissionDate(rng, 2022, 7);
  if (kind === 'exempt') return admissionDate(rng, rng.int(1985, 1996));
  const from = Math.max(1985, birthYear + 19);
  const to = kind === 'secretary' || kind === 'deputy' ? Math.max(from, 2012) : 2021;
  return admissionDate(rng, rng.int(from, Math.max(from, to)));
}

function draftMember(
  rng: Rng,
  registry: Registry,
  cell: string,
  kind: MemberKind,
  probationaryRate: number,
  khmerRate: number,
): DemoMember {
  const status: MemberStatus =
    kind === 'newProbationary' || (kind === 'ordinary' && rng.chance(probationaryRate))
      ? 'probationary'
      : 'official';
  const role: CellRole = kind === 'secretary' ? 'secretary' : kind === 'deputy' ? 'deputy' : 'member';
  const maleRate = kind === 'secretary' || kind === 'deputy' ? 0.78 : kind === 'exempt' ? 0.7 : 0.6;
  const sex: Sex = rng.chance(maleRate) ? 'male' : 'female';
  const birthYear = memberBirthYear(rng, kind, status);
  const khmer = rng.chance(khmerRate);
  return {
    code: '',
    fullName: registry.name(() => randomName(rng, sex, birthYear, khmer)),
    cellCode: cell,
    status,
    role,
    exempt: kind === 'exempt',
    birthYear,
    sex,
    phone: rng.chance(kind === 'exempt' ? 0.35 : 0.06) ? null : registry.phone(rng),
    activeFrom: memberActiveFrom(rng, kind, status, birthYear),
  };
}

/**
 * One cell's members: the secretary, a deputy when the cell has four or more
 * members, the rest in random order. `loads` are the households of the assigned
 * members; leaders are always among them in hamlet cells.
 */
function cellMembers(
  rng: Rng,
  registry: Registry,
  cell: string,
  size: number,
  loads: readonly number[],
  unassigned: readonly MemberKind[],
  khmerRate: number,
): MemberDraft[] {
  const resolution = isoDate(2021, rng.int(1, 3), rng.int(4, 28));
  const leaders: MemberKind[] = size >= 4 ? ['secretary', 'deputy'] : ['secretary'];
  const ordinaryCount = size - leaders.length - unassigned.length;
  const others: MemberKind[] = rng.shuffle([
    ...Array.from({ length: ordinaryCount }, (): MemberKind => 'ordinary'),
    ...unassigned,
  ]);
  // Everyone but the unassigned kinds follows households: deal them the loads at random.
  const pool = rng.shuffle([...loads]);
  const hamletCell = loads.length > 0;
  return [...leaders, ...others].map((kind) => {
    const member = draftMember(rng, registry, cell, kind, 0.065, khmerRate);
    const assigned = hamletCell && kind !== 'exempt' && kind !== 'newProbationary';
    const load = assigned ? (pool.pop() ?? 0) : 0;
    const assignFrom = maxDate(resolution, addDays(member.activeFrom, rng.int(30, 90)));
    return { member, load, assignFrom };
  });
}

// ---------------------------------------------------------------------------
// Households and their assignment

interface StatusDraft {
  status: PovertyStatus;
  needsHelp: boolean;
  policyFamily: boolean;
}

/** The commune's poverty figures dealt at random over its households. */
function statusDeck(rng: Rng, total: number, p: PovertySpec): StatusDraft[] {
  const deck: StatusDraft[] = [];
  const add = (status: PovertyStatus, [count, needy]: readonly [number, number]): void => {
    for (let i = 0; i < count; i += 1) {
      deck.push({ status, needsHelp: i < needy, policyFamily: false });
    }
  };
  add('poor', p.poor);
  add('near_poor', p.nearPoor);
  add('average', p.average);
  add('none', [total - deck.length, 0]);
  if (deck.length !== total) throw new Error('poverty figures exceed the households');

  // Policy families: `needy` of them among households needing help, the rest elsewhere.
  const [policy, policyNeedy] = p.policy;
  const needy = rng.shuffle(deck.filter((d) => d.needsHelp));
  const notNeedy = rng.shuffle(deck.filter((d) => !d.needsHelp));
  for (const d of needy.slice(0, policyNeedy)) d.policyFamily = true;
  for (const d of notNeedy.slice(0, policy - policyNeedy)) d.policyFamily = true;
  return rng.shuffle(deck);
}

/** Priority for dealing: poor first, then near-poor, then other needy households. */
function priority(h: DemoHousehold): number {
  if (h.povertyStatus === 'poor') return 0;
  if (h.povertyStatus === 'near_poor') return 1;
  return h.needsHelp ? 2 : 3;
}

/**
 * Each household of the cell to exactly one assigned member, each member
 * getting exactly its load. Poor, near-poor and needy households are dealt
 * round-robin first so no member carries all of them; the rest go in address
 * order, so a member's households sit together (members follow their neighbours).
 */
function assignCell(
  rng: Rng,
  households: readonly DemoHousehold[],
  drafts: readonly MemberDraft[],
): DemoAssignment[] {
  const assigned = drafts.filter((d) => d.load > 0);
  const remaining = assigned.map((d) => d.load);
  const owner = new Map<string, number>();
  const dealOrder = rng.shuffle(assigned.map((_, i) => i));
  let cursor = 0;
  const needy = households.filter((h) => priority(h) < 3).sort((a, b) => priority(a) - priority(b));
  for (const h of needy) {
    for (let tries = 0; tries < dealOrder.length; tries += 1) {
      const m = at(dealOrder, cursor % dealOrder.length);
      cursor += 1;
      if (at(remaining, m) > 0) {
        remaining[m] = at(remaining, m) - 1;
        owner.set(h.code, m);
        break;
      }
    }
  }
  let m = 0;
  for (const h of households) {
    if (owner.has(h.code)) continue;
    while (m < remaining.length && at(remaining, m) === 0) m += 1;
    if (m >= remaining.length) throw new Error(`cell ${h.cellCode}: more households than loads`);
    remaining[m] = at(remaining, m) - 1;
    owner.set(h.code, m);
  }
  if (remaining.some((r) => r !== 0)) throw new Error('loads and households differ');

  return households.map((h) => {
    const draft = at(assigned, owner.get(h.code) ?? -1);
    let startDate = draft.assignFrom;
    let reason =
      draft.member.status === 'probationary' || startDate >= '2022-01-01' ? REASON_NEW_MEMBER : REASON;
    if (priority(h) < 2 && rng.chance(0.3)) {
      // Re-dealt after the year-end poverty review.
      const reviewed = isoDate(2022, rng.int(1, 3), rng.int(1, 28));
      if (reviewed > startDate) {
        startDate = reviewed;
        reason = REASON_REVIEW;
      }
    }
    return { memberCode: draft.member.code, householdCode: h.code, startDate, reason };
  });
}

// ---------------------------------------------------------------------------
// The commune

interface CommuneResult {
  units: DemoUnit[];
  members: DemoMember[];
  households: DemoHousehold[];
  assignments: DemoAssignment[];
}

function unit(code: string, name: string, kind: DemoUnit['kind'], parentCode: string | null): DemoUnit {
  return { code, name, kind, parentCode, validFrom: VALID_FROM };
}

function buildCommune(c: CommuneSpec): CommuneResult {
  const rng = createRng(`${SEED}/${c.key}`);
  const registry = new Registry();
  const units: DemoUnit[] = [
    unit(committeeCode(c), `Đảng bộ xã ${c.name}`, 'commune_committee', DISTRICT_CODE),
    unit(communeCode(c), `Xã ${c.name}`, 'commune', committeeCode(c)),
    ...c.hamletCells.map((h) => unit(hamletCode(c, h), `Ấp ${h.hamlet}`, 'hamlet', communeCode(c))),
    ...c.hamletCells.map((h) => ({
      ...unit(cellCode(c, h.slug), `Chi bộ ấp ${h.hamlet}`, 'cell', committeeCode(c)),
      hamletCode: hamletCode(c, h),
    })),
    ...c.agencyCells.map((a) => unit(cellCode(c, a.slug), a.name, 'cell', committeeCode(c))),
  ];

  // Members, cell by cell, numbered in that order.
  const loads = communeLoads(rng, c);
  const hamletDrafts = c.hamletCells.map((h, i) => {
    const unassigned: MemberKind[] = [
      ...Array.from({ length: h.exempt }, (): MemberKind => 'exempt'),
      ...Array.from({ length: h.probationaryUnassigned }, (): MemberKind => 'newProbationary'),
    ];
    const size = h.assigned + unassigned.length;
    return cellMembers(rng, registry, cellCode(c, h.slug), size, at(loads, i), unassigned, h.khmer);
  });
  const agencyDrafts = c.agencyCells.map((a) =>
    cellMembers(rng, registry, cellCode(c, a.slug), a.members, [], [], 0.05),
  );
  const members: DemoMember[] = [];
  for (const draft of [...hamletDrafts, ...agencyDrafts].flat()) {
    draft.member.code = `DV-${c.key}-${String(members.length + 1).padStart(4, '0')}`;
    members.push(draft.member);
  }

  // Households, hamlet by hamlet, in address order (tổ 1, 2, …).
  const cellHouseholdCounts = c.hamletCells.map(
    (h, i) => h.households ?? at(loads, i).reduce((a, b) => a + b, 0),
  );
  const total = cellHouseholdCounts.reduce((a, b) => a + b, 0);
  const deck = statusDeck(rng, total, c.poverty);
  const households: DemoHousehold[] = [];
  const assignments: DemoAssignment[] = [];
  c.hamletCells.forEach((h, i) => {
    const count = at(cellHouseholdCounts, i);
    const groups = Math.max(4, Math.round(count / 42));
    const cellHouseholds: DemoHousehold[] = [];
    for (let k = 0; k < count; k += 1) {
      const status = at(deck, households.length);
      const people = householdPeople(rng, rng.chance(h.khmer));
      const head = at(people, 0);
      const group = Math.floor((k * groups) / count) + 1;
      const household: DemoHousehold = {
        code: `HGD-${c.key}-${String(households.length + 1).padStart(5, '0')}`,
        cellCode: cellCode(c, h.slug),
        hamletCode: hamletCode(c, h),
        address: `Tổ ${group}, ấp ${h.hamlet}, xã ${c.name}, ${DISTRICT}`,
        headName: head.fullName,
        povertyStatus: status.status,
        povertyYear: POVERTY_YEAR,
        needsHelp: status.needsHelp,
        policyFamily: status.policyFamily,
        people,
      };
      households.push(household);
      cellHouseholds.push(household);
    }
    assignments.push(...assignCell(rng, cellHouseholds, at(hamletDrafts, i)));
  });

  return { units, members, households, assignments };
}

// ---------------------------------------------------------------------------
// Accounts

function memberOfRole(data: CommuneResult, cell: string, role: CellRole): DemoMember {
  const found = data.members.find((m) => m.cellCode === cell && m.role === role);
  if (!found) throw new Error(`no ${role} in ${cell}`);
  return found;
}

/** An ordinary assigned member of the cell who follows at least one poor household. */
function memberWithPoorHousehold(data: CommuneResult, cell: string): DemoMember {
  const poor = new Set(
    data.households.filter((h) => h.cellCode === cell && h.povertyStatus === 'poor').map((h) => h.code),
  );
  const withPoor = new Set(
    data.assignments.filter((a) => poor.has(a.householdCode)).map((a) => a.memberCode),
  );
  const found = data.members.find((m) => m.cellCode === cell && m.role === 'member' && withPoor.has(m.code));
  if (!found) throw new Error(`no member following a poor household in ${cell}`);
  return found;
}

function buildAccounts(ht: CommuneResult, tl: CommuneResult): DemoAccount[] {
  const thanhAnCell = cellCode(thanhLoc, 'THANH-AN');
  const hoaThanhCell = cellCode(hoaThuan, 'HOA-THANH');
  const thanhAnSecretary = memberOfRole(tl, thanhAnCell, 'secretary');
  const thanhAnMember = memberWithPoorHousehold(tl, thanhAnCell);
  const hoaThanhSecretary = memberOfRole(ht, hoaThanhCell, 'secretary');
  return [
    {
      username: 'admin',
      password: DEMO_PASSWORD,
      displayName: 'Quản trị hệ thống',
      role: 'admin',
      scopeUnitCode: PROVINCE_CODE,
      hint: 'Quản trị: toàn bộ cây tổ chức, tài khoản và danh mục',
    },
    {
      username: 'bantochuc',
      password: DEMO_PASSWORD,
      displayName: 'Ban Tổ chức Huyện ủy Giồng Riềng',
      role: 'committee_staff',
      scopeUnitCode: DISTRICT_CODE,
      hint: 'Ban Tổ chức (Huyện ủy Giồng Riềng đến 30/6/2025, nay Tỉnh ủy An Giang): số liệu của các đảng bộ xã',
    },
    {
      username: 'bithu.thanhloc',
      password: DEMO_PASSWORD,
      displayName: 'Bí thư Đảng ủy xã Thạnh Lộc',
      role: 'commune_leader',
      scopeUnitCode: committeeCode(thanhLoc),
      hint: 'Bí thư Đảng ủy xã Thạnh Lộc (từ 1/7/2025 xã Thạnh Hưng): thống kê theo chi bộ, hộ nghèo, hộ cần giúp đỡ',
    },
    {
      username: 'bithu.thanhan',
      password: DEMO_PASSWORD,
      displayName: thanhAnSecretary.fullName,
      role: 'cell_secretary',
      scopeUnitCode: thanhAnCell,
      memberCode: thanhAnSecretary.code,
      hint: 'Bí thư chi bộ ấp Thạnh An: phân công hộ cho đảng viên',
    },
    {
      username: 'dangvien.thanhan',
      password: DEMO_PASSWORD,
      displayName: thanhAnMember.fullName,
      role: 'member',
      scopeUnitCode: thanhAnCell,
      memberCode: thanhAnMember.code,
      hint: 'Đảng viên ấp Thạnh An: xem các hộ mình phụ trách, trong đó có hộ nghèo',
    },
    {
      username: 'bithu.hoathanh',
      password: DEMO_PASSWORD,
      displayName: hoaThanhSecretary.fullName,
      role: 'cell_secretary',
      scopeUnitCode: hoaThanhCell,
      memberCode: hoaThanhSecretary.code,
      hint: 'Bí thư chi bộ ấp Hòa Thạnh (xã Hòa Thuận): đảng viên và hộ của chi bộ',
    },
  ];
}

// ---------------------------------------------------------------------------

export function generateDemo(): DemoData {
  const ht = buildCommune(hoaThuan);
  const tl = buildCommune(thanhLoc);
  const cellsOf = (c: CommuneResult) => c.units.filter((u) => u.kind === 'cell').length;
  // The rest of the district, generated at the report's totals and marked so (district-demo.ts).
  const rest = generateRestOfDistrict({
    cells: cellsOf(ht) + cellsOf(tl),
    members: ht.members.length + tl.members.length,
  });
  const units: DemoUnit[] = [
    unit(PROVINCE_CODE, 'Đảng bộ tỉnh Kiên Giang', 'province_committee', null),
    unit(DISTRICT_CODE, 'Đảng bộ huyện Giồng Riềng', 'district_committee', PROVINCE_CODE),
    ...ht.units,
    ...tl.units,
    ...rest.units,
  ];
  return {
    units,
    members: [...ht.members, ...tl.members, ...rest.members],
    households: [...ht.households, ...tl.households],
    assignments: [...ht.assignments, ...tl.assignments],
    accounts: buildAccounts(ht, tl),
  };
}
