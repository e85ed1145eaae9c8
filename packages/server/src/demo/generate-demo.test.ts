import { describe, expect, it } from 'vitest';
import type { PovertyStatus } from '@caunoi/domain';
import type { DemoData, DemoHousehold, DemoMember, DemoUnit } from './demo-types.js';
import { generateDemo } from './generate-demo.js';

/**
 * The demo must show the 2023 report's structure and figures
 * (shared data/giong-rieng-2023.json). Every figure here is counted from the
 * generated arrays.
 */

const data: DemoData = generateDemo();

const unitByCode = new Map(data.units.map((u) => [u.code, u]));
const memberByCode = new Map(data.members.map((m) => [m.code, m]));
const assignmentByHousehold = new Map(data.assignments.map((a) => [a.householdCode, a]));

function committee(name: string): DemoUnit {
  const found = data.units.find((u) => u.kind === 'commune_committee' && u.name === name);
  if (!found) throw new Error(`no committee ${name}`);
  return found;
}

function cellsOf(committeeCode: string): DemoUnit[] {
  return data.units.filter((u) => u.kind === 'cell' && u.parentCode === committeeCode);
}

function cellByName(committeeCode: string, name: string): DemoUnit {
  const found = cellsOf(committeeCode).find((u) => u.name === name);
  if (!found) throw new Error(`no cell ${name}`);
  return found;
}

function membersOf(cells: readonly DemoUnit[]): DemoMember[] {
  const codes = new Set(cells.map((c) => c.code));
  return data.members.filter((m) => codes.has(m.cellCode));
}

function householdsOf(cells: readonly DemoUnit[]): DemoHousehold[] {
  const codes = new Set(cells.map((c) => c.code));
  return data.households.filter((h) => codes.has(h.cellCode));
}

/** Households followed, per member code (assigned members only). */
function loads(cells: readonly DemoUnit[]): Map<string, number> {
  const result = new Map<string, number>();
  for (const h of householdsOf(cells)) {
    const a = assignmentByHousehold.get(h.code);
    if (a) result.set(a.memberCode, (result.get(a.memberCode) ?? 0) + 1);
  }
  return result;
}

function tally(households: readonly DemoHousehold[], status: PovertyStatus) {
  const of = households.filter((h) => h.povertyStatus === status);
  return { total: of.length, needsHelp: of.filter((h) => h.needsHelp).length };
}

const thanhLoc = committee('Đảng bộ xã Thạnh Lộc');
const hoaThuan = committee('Đảng bộ xã Hòa Thuận');
const tlCells = cellsOf(thanhLoc.code);
const htCells = cellsOf(hoaThuan.code);

describe('generateDemo: units', () => {
  it('has the party tree from the province committee down to the cells', () => {
    const province = data.units.filter((u) => u.kind === 'province_committee');
    expect(province.map((u) => u.name)).toEqual(['Đảng bộ tỉnh Kiên Giang']);
    const district = data.units.filter((u) => u.kind === 'district_committee');
    expect(district.map((u) => u.name)).toEqual(['Đảng bộ huyện Giồng Riềng']);
    expect(district[0]?.parentCode).toBe(province[0]?.code);
    const communes = data.units.filter((u) => u.kind === 'commune_committee');
    // The report's two communes in detail; the district's 17 others generated and marked so.
    expect(
      communes
        .filter((u) => u.note === undefined)
        .map((u) => u.name)
        .sort(),
    ).toEqual(['Đảng bộ xã Hòa Thuận', 'Đảng bộ xã Thạnh Lộc']);
    expect(communes).toHaveLength(19);
    for (const c of communes) expect(c.parentCode).toBe(district[0]?.code);
  });

  it("reaches the report's district totals, every unit beyond the two communes marked as generated", () => {
    // Counted from the units and members, against the report's line (shared data/giong-rieng-2023.json).
    const district = data.units.find((u) => u.kind === 'district_committee')!;
    const direct = data.units.filter((u) => u.parentCode === district.code);
    expect(direct).toHaveLength(57);
    const base = direct.filter((u) => u.kind === 'commune_committee' || u.kind === 'sector_committee');
    expect(base).toHaveLength(22);
    expect(base.filter((u) => u.kind === 'commune_committee')).toHaveLength(19);
    expect(base.filter((u) => u.kind === 'sector_committee')).toHaveLength(3);
    expect(direct.filter((u) => u.kind === 'base_cell')).toHaveLength(35);
    const baseCodes = new Set(base.map((u) => u.code));
    const cellsUnderBase = data.units.filter(
      (u) => (u.kind === 'cell' || u.kind === 'base_cell') && baseCodes.has(u.parentCode ?? ''),
    );
    expect(cellsUnderBase).toHaveLength(269);
    expect(data.members).toHaveLength(6277);
    const reportCommunes = base.filter((u) => u.note === undefined).map((u) => u.code);
    for (const u of data.units) {
      const inReport =
        u.kind === 'province_committee' ||
        u.kind === 'district_committee' ||
        reportCommunes.some((code) => u.code === code || u.code.startsWith(`${code}.`));
      expect(u.note === undefined, u.code).toBe(inReport);
    }
    // Every cell has members and exactly one secretary.
    const cells = data.units.filter((u) => u.kind === 'cell' || u.kind === 'base_cell');
    for (const cell of cells) {
      const ms = data.members.filter((m) => m.cellCode === cell.code);
      expect(
        ms.filter((m) => m.role === 'secretary'),
        cell.code,
      ).toHaveLength(1);
    }
  });

  it('has valid, unique codes, parents listed first, no end dates', () => {
    const seen = new Set<string>();
    for (const u of data.units) {
      expect(u.code).toMatch(/^[A-Za-z0-9._-]{1,40}$/);
      expect(seen.has(u.code)).toBe(false);
      if (u.parentCode !== null) expect(seen.has(u.parentCode)).toBe(true);
      if (u.hamletCode !== undefined) expect(seen.has(u.hamletCode)).toBe(true);
      seen.add(u.code);
      expect(u.validFrom).toBe('2020-01-01');
      expect(u.validTo).toBeUndefined();
    }
  });

  it('gives Thạnh Lộc 14 cells: the six hamlet cells of the report and eight agency cells', () => {
    expect(tlCells).toHaveLength(14);
    const hamletCells = tlCells.filter((c) => c.hamletCode !== undefined);
    expect(hamletCells.map((c) => c.name).sort()).toEqual(
      [
        'Chi bộ ấp Nguyễn Văn Thới',
        'Chi bộ ấp Thạnh An',
        'Chi bộ ấp Thạnh Hiệp',
        'Chi bộ ấp Thạnh Lợi',
        'Chi bộ ấp Thạnh Thắng',
        'Chi bộ ấp Thạnh Vinh',
      ].sort(),
    );
  });

  it('gives Hòa Thuận 16 cells: 11 hamlet cells and 5 agency cells', () => {
    expect(htCells).toHaveLength(16);
    expect(htCells.filter((c) => c.hamletCode !== undefined)).toHaveLength(11);
    expect(htCells.map((c) => c.name)).toContain('Chi bộ ấp Hòa Thạnh');
  });

  it('puts each commune with its hamlets under its committee, each hamlet cell pointing at its hamlet', () => {
    for (const committeeUnit of [thanhLoc, hoaThuan]) {
      const communes = data.units.filter((u) => u.kind === 'commune' && u.parentCode === committeeUnit.code);
      expect(communes).toHaveLength(1);
      const commune = communes[0] as DemoUnit;
      expect(committeeUnit.name).toBe(`Đảng bộ xã ${commune.name.replace(/^Xã /, '')}`);
      const hamlets = data.units.filter((u) => u.kind === 'hamlet' && u.parentCode === commune.code);
      const hamletCells = cellsOf(committeeUnit.code).filter((c) => c.hamletCode !== undefined);
      expect(hamlets).toHaveLength(hamletCells.length);
      for (const cell of hamletCells) {
        const hamlet = unitByCode.get(cell.hamletCode ?? '');
        expect(hamlet?.kind).toBe('hamlet');
        expect(hamlet?.parentCode).toBe(commune.code);
        expect(cell.name).toBe(`Chi bộ ấp ${hamlet?.name.replace(/^Ấp /, '')}`);
      }
    }
  });
});

describe('generateDemo: members', () => {
  it('counts 245 members in Thạnh Lộc and 297 in Hòa Thuận, with unique codes', () => {
    expect(membersOf(tlCells)).toHaveLength(245);
    expect(membersOf(htCells)).toHaveLength(297);
    expect(
      data.members.filter((m) => m.code.startsWith('DV-HT-') || m.code.startsWith('DV-TL-')),
    ).toHaveLength(245 + 297);
    expect(new Set(data.members.map((m) => m.code)).size).toBe(data.members.length);
    expect(data.members.filter((m) => !/^[A-Za-z0-9._-]{1,40}$/.test(m.code))).toEqual([]);
  });

  it('has exactly one secretary and at most one deputy per cell, most cells with a deputy', () => {
    const cells = data.units.filter((u) => u.kind === 'cell');
    let withDeputy = 0;
    for (const cell of cells) {
      const ms = membersOf([cell]);
      expect(ms.filter((m) => m.role === 'secretary')).toHaveLength(1);
      const deputies = ms.filter((m) => m.role === 'deputy').length;
      expect(deputies).toBeLessThanOrEqual(1);
      withDeputy += deputies;
      expect(ms.length).toBeGreaterThanOrEqual(3);
    }
    expect(withDeputy / cells.length).toBeGreaterThan(0.6);
  });

  it('has the members assigned per Thạnh Lộc hamlet cell of the report', () => {
    const expected: Record<string, number> = {
      'Chi bộ ấp Thạnh An': 41,
      'Chi bộ ấp Thạnh Hiệp': 53,
      'Chi bộ ấp Thạnh Lợi': 28,
      'Chi bộ ấp Thạnh Thắng': 25,
      'Chi bộ ấp Thạnh Vinh': 24,
      'Chi bộ ấp Nguyễn Văn Thới': 39,
    };
    for (const [name, count] of Object.entries(expected)) {
      const cell = cellByName(thanhLoc.code, name);
      expect(loads([cell]).size, name).toBe(count);
      // A few unassigned (exempt or newly admitted) members live in the hamlet cells too.
      expect(membersOf([cell]).length).toBeGreaterThanOrEqual(count);
    }
    expect(loads(tlCells).size).toBe(210);
    const unassignedInHamletCells = membersOf(tlCells.filter((c) => c.hamletCode)).length - 210;
    expect(unassignedInHamletCells).toBeGreaterThan(0);
  });

  it('assigns 255 Hòa Thuận members, all in hamlet cells', () => {
    const assigned = loads(htCells);
    expect(assigned.size).toBe(255);
    for (const code of assigned.keys()) {
      expect(unitByCode.get(memberByCode.get(code)?.cellCode ?? '')?.hamletCode).toBeDefined();
    }
  });

  it('leaves exempt members (born before 1955) without households', () => {
    const exempt = data.members.filter((m) => m.exempt);
    expect(exempt.length).toBeGreaterThan(0);
    const assigned = new Set(data.assignments.map((a) => a.memberCode));
    for (const m of exempt) {
      expect(m.birthYear).toBeLessThan(1955);
      expect(assigned.has(m.code)).toBe(false);
    }
  });

  it('has about 8 % probationary members, plausible dates, phones and names', () => {
    const all = data.members;
    const probationary = all.filter((m) => m.status === 'probationary').length;
    expect(probationary / all.length).toBeGreaterThan(0.05);
    expect(probationary / all.length).toBeLessThan(0.11);
    for (const m of all) {
      expect(m.activeFrom >= '1985-01-01' && m.activeFrom <= '2022-12-31').toBe(true);
      expect(Number(m.activeFrom.slice(0, 4)) - m.birthYear).toBeGreaterThanOrEqual(18);
      if (m.phone !== null) expect(m.phone).toMatch(/^09\d{2} \d{3} \d{3}$/);
      expect(m.fullName.normalize('NFC')).toBe(m.fullName);
      expect(m.fullName.split(' ').length).toBeGreaterThanOrEqual(2);
    }
    // Phones: the report's communes only (generated members have none).
    const reported = [...membersOf(tlCells), ...membersOf(htCells)];
    expect(reported.some((m) => m.phone === null)).toBe(true);
    const phones = all.flatMap((m) => (m.phone === null ? [] : [m.phone]));
    expect(new Set(phones).size).toBe(phones.length);
    expect(reported.filter((m) => m.phone !== null).length / reported.length).toBeGreaterThan(0.8);
  });
});

describe('generateDemo: households', () => {
  it('has the Thạnh Lộc household counts per hamlet cell of the report (3,094 in all)', () => {
    const expected: Record<string, number> = {
      'Chi bộ ấp Thạnh An': 586,
      'Chi bộ ấp Thạnh Hiệp': 816,
      'Chi bộ ấp Thạnh Lợi': 440,
      'Chi bộ ấp Thạnh Thắng': 355,
      'Chi bộ ấp Thạnh Vinh': 345,
      'Chi bộ ấp Nguyễn Văn Thới': 552,
    };
    for (const [name, count] of Object.entries(expected)) {
      expect(householdsOf([cellByName(thanhLoc.code, name)]), name).toHaveLength(count);
    }
    expect(householdsOf(tlCells)).toHaveLength(3094);
  });

  it('has the Thạnh Lộc poverty and policy-family figures of the report', () => {
    const hs = householdsOf(tlCells);
    expect(tally(hs, 'poor')).toEqual({ total: 56, needsHelp: 30 });
    expect(tally(hs, 'near_poor')).toEqual({ total: 158, needsHelp: 95 });
    expect(tally(hs, 'average')).toEqual({ total: 389, needsHelp: 8 });
    expect(tally(hs, 'none').needsHelp).toBe(0);
    expect(hs.filter((h) => h.needsHelp)).toHaveLength(133);
    const policy = hs.filter((h) => h.policyFamily);
    expect(policy).toHaveLength(65);
    expect(policy.filter((h) => h.needsHelp)).toHaveLength(7);
    expect(new Set(policy.map((h) => h.povertyStatus)).size).toBeGreaterThan(1);
  });

  it('has 3,443 Hòa Thuận households with a poverty rate just above 1 %', () => {
    const hs = householdsOf(htCells);
    expect(hs).toHaveLength(3443);
    const poor = tally(hs, 'poor');
    expect(poor).toEqual({ total: 38, needsHelp: 20 });
    expect(poor.total / hs.length).toBeGreaterThan(0.01);
    expect(poor.total / hs.length).toBeLessThan(0.015);
    expect(tally(hs, 'near_poor')).toEqual({ total: 110, needsHelp: 56 });
    expect(tally(hs, 'average')).toEqual({ total: 300, needsHelp: 6 });
    expect(tally(hs, 'none').needsHelp).toBe(0);
    const policy = hs.filter((h) => h.policyFamily);
    expect(policy).toHaveLength(50);
    expect(policy.filter((h) => h.needsHelp)).toHaveLength(5);
    // Split unevenly over the 11 hamlet cells.
    const perCell = htCells.filter((c) => c.hamletCode).map((c) => householdsOf([c]).length);
    expect(perCell).toHaveLength(11);
    expect(Math.max(...perCell) - Math.min(...perCell)).toBeGreaterThan(50);
  });

  it('keeps every household in a hamlet cell, with its hamlet, a unique code and the 2023 review', () => {
    expect(new Set(data.households.map((h) => h.code)).size).toBe(data.households.length);
    const problems: string[] = [];
    for (const h of data.households) {
      const cell = unitByCode.get(h.cellCode);
      const hamlet = unitByCode.get(h.hamletCode);
      if (!/^[A-Za-z0-9._-]{1,40}$/.test(h.code)) problems.push(`${h.code}: code`);
      if (cell?.kind !== 'cell' || cell.hamletCode !== h.hamletCode) problems.push(`${h.code}: cell`);
      if (hamlet?.kind !== 'hamlet') problems.push(`${h.code}: hamlet`);
      if (!h.address.includes(`ấp ${hamlet?.name.replace(/^Ấp /, '')}`))
        problems.push(`${h.code}: address hamlet`);
      if (!/^Tổ \d+, ấp .+, xã .+, huyện Giồng Riềng, tỉnh Kiên Giang$/.test(h.address)) {
        problems.push(`${h.code}: address ${h.address}`);
      }
      if (h.povertyYear !== 2023) problems.push(`${h.code}: povertyYear`);
    }
    expect(problems).toEqual([]);
  });

  it('has 1–7 plausible people per household, head first, about 3.7 on average', () => {
    const problems: string[] = [];
    const problem = (h: DemoHousehold, what: string) => problems.push(`${h.code}: ${what}`);
    let people = 0;
    let nguyen = 0;
    for (const h of data.households) {
      const [head, ...rest] = h.people;
      people += h.people.length;
      if (h.headName.startsWith('Nguyễn ')) nguyen += 1;
      if (h.people.length < 1 || h.people.length > 7) problem(h, `${h.people.length} people`);
      if (!head || head.relation !== 'head' || head.fullName !== h.headName) {
        problem(h, 'head first');
        continue;
      }
      if (rest.some((p) => p.relation === 'head')) problem(h, 'two heads');
      const spouses = rest.filter((p) => p.relation === 'spouse');
      if (spouses.length > 1) problem(h, 'two spouses');
      const spouse = spouses[0];
      if (spouse && spouse.sex === head.sex) problem(h, 'spouse of the same sex');
      if (new Set(h.people.map((p) => p.fullName)).size !== h.people.length) problem(h, 'repeated name');
      for (const p of h.people) {
        if (p.birthYear < 1920 || p.birthYear > 2023) problem(h, `born ${p.birthYear}`);
        if (p.fullName.normalize('NFC') !== p.fullName) problem(h, 'not NFC');
        if (p.fullName.split(' ').length < 2) problem(h, `name ${p.fullName}`);
        const age = p.birthYear - head.birthYear;
        if (p.relation === 'child' && (age < 16 || (spouse && p.birthYear - spouse.birthYear < 16))) {
          problem(h, 'child too old');
        }
        if (p.relation === 'parent' && age > -16) problem(h, 'parent too young');
        if (p.relation === 'grandchild' && age < 32) problem(h, 'grandchild too old');
      }
      // Children share their father's family name (Kinh households with a male head).
      if (head.sex === 'male' && !/^(Danh|Thạch|Sơn|Kiên) /.test(head.fullName)) {
        const family = head.fullName.split(' ')[0];
        for (const child of rest.filter((p) => p.relation === 'child')) {
          if (child.fullName.split(' ')[0] !== family) problem(h, `child ${child.fullName}`);
        }
      }
    }
    expect(problems).toEqual([]);
    const average = people / data.households.length;
    expect(average).toBeGreaterThan(3.5);
    expect(average).toBeLessThan(3.9);
    // Nguyễn is the most common family name (~38 % nationally).
    expect(nguyen / data.households.length).toBeGreaterThan(0.3);
    expect(nguyen / data.households.length).toBeLessThan(0.45);
    // Khmer names occur.
    expect(data.households.some((h) => /^(Danh|Thạch) /.test(h.headName))).toBe(true);
    expect(data.households.some((h) => h.people.some((p) => p.fullName.startsWith('Thị ')))).toBe(true);
  });
});

describe('generateDemo: assignments', () => {
  it('assigns every household exactly once, to a non-exempt member of the same cell', () => {
    expect(data.assignments).toHaveLength(data.households.length);
    expect(assignmentByHousehold.size).toBe(data.households.length);
    const wrong = data.households.filter((h) => {
      const member = memberByCode.get(assignmentByHousehold.get(h.code)?.memberCode ?? '');
      return member?.cellCode !== h.cellCode || member.exempt;
    });
    expect(wrong.map((h) => h.code)).toEqual([]);
  });

  it('gives Thạnh Lộc members between 7 and 27 households', () => {
    const counts = [...loads(tlCells).values()];
    expect(Math.min(...counts)).toBe(7);
    expect(Math.max(...counts)).toBe(27);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(3094);
  });

  it('gives Hòa Thuận members between 8 and 18 households, 13.5 on average', () => {
    const counts = [...loads(htCells).values()];
    expect(counts).toHaveLength(255);
    expect(Math.min(...counts)).toBe(8);
    expect(Math.max(...counts)).toBe(18);
    expect(counts.reduce((a, b) => a + b, 0) / counts.length).toBeCloseTo(13.5, 1);
  });

  it('spreads poor and near-poor households across the members of each cell', () => {
    for (const cell of data.units.filter((u) => u.hamletCode)) {
      const needy = householdsOf([cell]).filter(
        (h) => h.povertyStatus === 'poor' || h.povertyStatus === 'near_poor',
      );
      const perMember = new Map<string, number>();
      for (const h of needy) {
        const code = assignmentByHousehold.get(h.code)?.memberCode ?? '';
        perMember.set(code, (perMember.get(code) ?? 0) + 1);
      }
      const members = loads([cell]).size;
      const most = Math.max(0, ...perMember.values());
      expect(most).toBeLessThanOrEqual(Math.ceil(needy.length / members));
      if (needy.length >= 2) expect(perMember.size).toBeGreaterThan(1);
    }
  });

  it('starts assignments between 2021-01-01 and 2023-06-30, after the member joined', () => {
    const wrong = data.assignments.filter(
      (a) =>
        a.startDate < '2021-01-01' ||
        a.startDate > '2023-06-30' ||
        a.startDate < (memberByCode.get(a.memberCode)?.activeFrom ?? '9999') ||
        a.reason.length < 10,
    );
    expect(wrong).toEqual([]);
  });
});

describe('generateDemo: accounts', () => {
  const account = (username: string) => {
    const found = data.accounts.find((a) => a.username === username);
    if (!found) throw new Error(`no account ${username}`);
    return found;
  };

  it('has the six demo accounts with one password and valid scopes', () => {
    expect(data.accounts.map((a) => a.username).sort()).toEqual(
      ['admin', 'bantochuc', 'bithu.hoathanh', 'bithu.thanhan', 'bithu.thanhloc', 'dangvien.thanhan'].sort(),
    );
    for (const a of data.accounts) {
      expect(a.password).toBe('caunoi-demo-2023');
      expect(unitByCode.has(a.scopeUnitCode)).toBe(true);
      expect(a.hint.length).toBeGreaterThan(0);
      if (a.memberCode !== undefined) {
        const m = memberByCode.get(a.memberCode);
        expect(m?.cellCode).toBe(a.scopeUnitCode);
        expect(a.displayName).toBe(m?.fullName);
      }
    }
    expect(account('admin')).toMatchObject({
      role: 'admin',
      scopeUnitCode: unitByCode.get('KG')?.code,
    });
    expect(unitByCode.get(account('admin').scopeUnitCode)?.kind).toBe('province_committee');
    expect(account('bantochuc').role).toBe('committee_staff');
    expect(unitByCode.get(account('bantochuc').scopeUnitCode)?.kind).toBe('district_committee');
    expect(account('bithu.thanhloc')).toMatchObject({
      role: 'commune_leader',
      scopeUnitCode: thanhLoc.code,
    });
  });

  it('links the cell secretaries and the member of Thạnh An', () => {
    const thanhAn = cellByName(thanhLoc.code, 'Chi bộ ấp Thạnh An');
    const secretary = account('bithu.thanhan');
    expect(secretary).toMatchObject({ role: 'cell_secretary', scopeUnitCode: thanhAn.code });
    expect(memberByCode.get(secretary.memberCode ?? '')?.role).toBe('secretary');

    const member = account('dangvien.thanhan');
    expect(member).toMatchObject({ role: 'member', scopeUnitCode: thanhAn.code });
    expect(member.memberCode).not.toBe(secretary.memberCode);
    const followed = data.assignments.filter((a) => a.memberCode === member.memberCode);
    expect(followed.length).toBeGreaterThan(0);
    const poor = followed.filter(
      (a) => data.households.find((h) => h.code === a.householdCode)?.povertyStatus === 'poor',
    );
    expect(poor.length).toBeGreaterThan(0);

    const hoaThanh = account('bithu.hoathanh');
    expect(hoaThanh).toMatchObject({
      role: 'cell_secretary',
      scopeUnitCode: cellByName(hoaThuan.code, 'Chi bộ ấp Hòa Thạnh').code,
    });
    expect(memberByCode.get(hoaThanh.memberCode ?? '')?.role).toBe('secretary');
  });
});

describe('generateDemo: determinism', () => {
  // Same data only: how long it takes is the seed's business (`caunoi seed`), never a timed test.
  it('returns the same data on every call', () => {
    expect(generateDemo()).toEqual(data);
  });
});
