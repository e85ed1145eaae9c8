import {
  addMonths,
  excellentRunText,
  monthOf,
  monthsEndingWith,
  type AttendanceStatus,
  type AwardLevel,
  type MassOrgType,
  type MeetingKind,
  type RecipientKind,
  type ResultLevel,
  type TitleRecipientKind,
} from '@caunoi/domain';
import type { DemoAccount, DemoData, DemoMember, DemoUnit } from './demo-types.js';
import { DEMO_PASSWORD } from './generate-demo.js';
import { at, createRng, type Rng } from './prng.js';

/*
 * Cell life for the demo, built on top of the Giồng Riềng data and kept apart
 * from it (generate-demo.ts and its figures stay as they are): a year of
 * meetings of every cell with attendance and scores, the committee members who
 * oversee the cells, the yearly results 2018–2022 of the report ("16/16 chi bộ
 * hoàn thành tốt nhiệm vụ trở lên, 03 xuất sắc, 01 chi bộ 05 năm liền"; "05/05
 * đoàn thể hoàn thành xuất sắc"), the commendations it mentions, and the five
 * mass organisations of each commune. Pure: the same data and `asOf` give the
 * same result. Decision numbers and dates are invented for the demo.
 */

export interface DemoSheet {
  code: string;
  ownerCode: string;
  name: string;
  source: string;
  validFrom: string;
  criteria: { code: string; text: string; maxPoints: number }[];
}

export interface DemoMassOrg {
  code: string;
  name: string;
  orgType: MassOrgType;
  parentCode: string;
  validFrom: string;
}

export interface DemoOversight {
  memberCode: string;
  unitCode: string;
  startDate: string;
  note: string;
}

export interface DemoMeeting {
  key: string;
  cellCode: string;
  kind: MeetingKind;
  date: string;
  topic: string;
  chairCode: string;
  overseerCode: string | null;
  overseerAttendance: AttendanceStatus | null;
  minutes: string;
  attendance: { memberCode: string; status: AttendanceStatus }[];
  resolutions: { text: string; followUpCode: string; dueDate: string; status: 'open' | 'done' }[];
  /** Points per criterion of the sheet, in its order. */
  scores: number[];
}

export interface DemoResult {
  unitCode: string;
  year: number;
  level: ResultLevel;
}

export interface DemoAwardTitle {
  code: string;
  ownerCode: string | null;
  name: string;
  level: AwardLevel;
  recipientKind: TitleRecipientKind;
  issuer: string;
  consecutiveExcellentYears: number | null;
  source: string;
  validFrom: string;
}

export interface DemoAward {
  key: string;
  recipientKind: RecipientKind;
  unitCode?: string;
  memberCode?: string;
  titleCode: string;
  titleOwnerCode: string | null;
  issuer: string;
  decisionNumber: string;
  decisionDate: string;
  year: number;
  reason: string;
  basis: string | null;
}

export interface CellLifeDemo {
  sheets: DemoSheet[];
  massOrgs: DemoMassOrg[];
  oversight: DemoOversight[];
  meetings: DemoMeeting[];
  results: DemoResult[];
  awardTitles: DemoAwardTitle[];
  awards: DemoAward[];
  accounts: DemoAccount[];
}

const SEED = 'caunoi-cell-life-2023';
const OVERSIGHT_FROM = '2021-01-15';
const RESULT_YEARS = [2018, 2019, 2020, 2021, 2022] as const;

export const MEETING_SHEET: Omit<DemoSheet, 'ownerCode'> = {
  code: 'CLSH-CB',
  name: 'Phiếu đánh giá chất lượng sinh hoạt chi bộ',
  source:
    'Theo Hướng dẫn số 12-HD/BTCTW (2018) về nâng cao chất lượng sinh hoạt chi bộ; bản 1 của Ban Tổ chức Huyện ủy',
  validFrom: '2020-01-01',
  criteria: [
    {
      code: 'CB',
      text: 'Chuẩn bị nội dung, tài liệu; thông báo thời gian, địa điểm trước cho đảng viên',
      maxPoints: 15,
    },
    { code: 'TL', text: 'Tỷ lệ đảng viên dự sinh hoạt (từ 90% trở lên đạt điểm tối đa)', maxPoints: 15 },
    { code: 'TT', text: 'Thực hiện đúng trình tự, thời gian sinh hoạt theo hướng dẫn', maxPoints: 20 },
    { code: 'TD', text: 'Chất lượng thảo luận; tự phê bình và phê bình của đảng viên', maxPoints: 20 },
    { code: 'NQ', text: 'Nghị quyết ngắn gọn, sát thực tế, phân công rõ người thực hiện', maxPoints: 20 },
    { code: 'BB', text: 'Biên bản ghi đầy đủ, đúng quy định, lưu trữ cẩn thận', maxPoints: 10 },
  ],
};

const massOrgKinds: readonly { type: MassOrgType; slug: string; name: (commune: string) => string }[] = [
  { type: 'fatherland_front', slug: 'MTTQ', name: (c) => `Ủy ban Mặt trận Tổ quốc Việt Nam xã ${c}` },
  { type: 'womens_union', slug: 'HLHPN', name: (c) => `Hội Liên hiệp Phụ nữ xã ${c}` },
  { type: 'farmers_association', slug: 'HND', name: (c) => `Hội Nông dân xã ${c}` },
  { type: 'veterans_association', slug: 'HCCB', name: (c) => `Hội Cựu chiến binh xã ${c}` },
  { type: 'youth_union', slug: 'DTN', name: (c) => `Đoàn Thanh niên Cộng sản Hồ Chí Minh xã ${c}` },
];

const thematicTopics = [
  'Chuyên đề: Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
  'Chuyên đề: Đảng viên phụ trách hộ gia đình, kết quả giúp đỡ hộ nghèo, hộ cận nghèo',
  'Chuyên đề: Nâng cao chất lượng sinh hoạt chi bộ, trách nhiệm nêu gương của đảng viên',
  'Chuyên đề: Xây dựng nông thôn mới nâng cao, ấp văn hóa, gia đình văn hóa',
];

const resolutionTexts = [
  'Mỗi đảng viên đến thăm ít nhất 01 lần các hộ nghèo, hộ cận nghèo được phân công trong tháng',
  'Vận động hộ tham gia bảo hiểm y tế, hoàn thành chỉ tiêu được giao',
  'Phối hợp Ban nhân dân ấp rà soát hộ có người đi làm ăn xa, cập nhật sổ theo dõi hộ',
  'Tuyên truyền, vận động nhân dân thực hiện an toàn giao thông, phòng chống ma túy',
  'Hướng dẫn hộ nghèo lập hồ sơ vay vốn Ngân hàng Chính sách xã hội',
  'Vận động nhân dân tham gia ngày chủ nhật xanh, giữ gìn vệ sinh môi trường',
  'Kiểm tra, đôn đốc đảng viên hoàn thành báo cáo tình hình hộ phụ trách',
  'Phối hợp các đoàn thể tổ chức thăm, tặng quà gia đình chính sách',
];

function monthLabel(month: string): string {
  const [year, m] = month.split('-');
  return `${m}/${year}`;
}

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10);
}

const communeName = (committee: DemoUnit) => committee.name.replace(/^Đảng bộ xã /, '');

interface CommuneContext {
  committee: DemoUnit;
  cells: DemoUnit[];
  hamletCells: DemoUnit[];
  agencyCells: DemoUnit[];
  membersByCell: Map<string, DemoMember[]>;
}

function communes(data: DemoData): CommuneContext[] {
  const membersByCell = new Map<string, DemoMember[]>();
  for (const m of data.members) {
    const list = membersByCell.get(m.cellCode) ?? [];
    list.push(m);
    membersByCell.set(m.cellCode, list);
  }
  // Generated communes (district-demo.ts) hold members and cells only: no cell life of their own.
  return data.units
    .filter((u) => u.kind === 'commune_committee' && u.note === undefined)
    .map((committee) => {
      const cells = data.units.filter((u) => u.kind === 'cell' && u.parentCode === committee.code);
      return {
        committee,
        cells,
        hamletCells: cells.filter((c) => c.hamletCode !== undefined),
        agencyCells: cells.filter((c) => c.hamletCode === undefined),
        membersByCell,
      };
    });
}

const leaderOf = (members: readonly DemoMember[], role: 'secretary' | 'deputy') =>
  members.find((m) => m.role === role);

/**
 * Committee members: the secretaries and deputies of the agency cells. They
 * follow the cells of the commune round-robin, never their own; the last
 * agency cell is left without one, so the committee has a gap to see.
 */
function oversightOf(c: CommuneContext): DemoOversight[] {
  const overseers = c.agencyCells.flatMap((cell) => {
    const members = c.membersByCell.get(cell.code) ?? [];
    return [leaderOf(members, 'secretary'), leaderOf(members, 'deputy')].filter((m): m is DemoMember => !!m);
  });
  if (overseers.length < 2) return [];
  const followed = [...c.hamletCells, ...c.agencyCells.slice(0, -1)];
  const result: DemoOversight[] = [];
  let next = 0;
  for (const cell of followed) {
    let overseer = at(overseers, next % overseers.length);
    if (overseer.cellCode === cell.code) {
      next += 1;
      overseer = at(overseers, next % overseers.length);
    }
    next += 1;
    result.push({
      memberCode: overseer.code,
      unitCode: cell.code,
      startDate: OVERSIGHT_FROM,
      note: `Đảng ủy viên, phụ trách ${cell.name}`,
    });
  }
  return result;
}

function pickStatus(rng: Rng): AttendanceStatus {
  const x = rng.next();
  return x < 0.9 ? 'present' : x < 0.98 ? 'excused' : 'absent';
}

/** A year of meetings of one cell: every month's regular meeting but `skipped`, a thematic one each quarter. */
function cellMeetings(
  c: CommuneContext,
  cell: DemoUnit,
  months: readonly string[],
  skipped: ReadonlySet<string>,
  overseerCode: string | null,
  streaks: ReadonlyMap<string, number>,
): DemoMeeting[] {
  const rng = createRng(`${SEED}/meetings/${cell.code}`);
  const members = (c.membersByCell.get(cell.code) ?? []).filter((m) => !m.exempt);
  const secretary = leaderOf(members, 'secretary') ?? at(members, 0);
  const deputy = leaderOf(members, 'deputy') ?? secretary;
  const day = rng.int(3, 10);
  const drafts: { kind: MeetingKind; date: string; topic: string }[] = [];
  months.forEach((month, i) => {
    if (!skipped.has(month)) {
      drafts.push({
        kind: 'regular',
        date: `${month}-${String(day).padStart(2, '0')}`,
        topic: `Sinh hoạt chi bộ thường kỳ tháng ${monthLabel(month)}`,
      });
    }
    // The middle month of each quarter holds the thematic meeting.
    if (Number(month.slice(5)) % 3 === 2) {
      drafts.push({
        kind: 'thematic',
        date: `${month}-${String(day + 12).padStart(2, '0')}`,
        topic: at(thematicTopics, i % thematicTopics.length),
      });
    }
  });
  const meetings = drafts.map((d, index): DemoMeeting => {
    const attendees = members.filter((m) => m.activeFrom <= d.date);
    const attendance = attendees.map((m) => ({ memberCode: m.code, status: pickStatus(rng) }));
    const chair = rng.chance(0.9) ? secretary : deputy;
    // The chair is there, whatever the dice said.
    for (const a of attendance) if (a.memberCode === chair.code) a.status = 'present';
    const overseerAttendance: AttendanceStatus | null = overseerCode
      ? rng.chance(d.kind === 'thematic' ? 0.7 : 0.5)
        ? 'present'
        : rng.chance(0.7)
          ? 'excused'
          : 'absent'
      : null;
    const last = index === drafts.length - 1;
    const resolutions = Array.from({ length: d.kind === 'regular' ? 2 : 1 }, () => ({
      text: rng.pick(resolutionTexts),
      followUpCode: rng.pick(attendees).code,
      dueDate: addDays(d.date, 25),
      status: last ? ('open' as const) : ('done' as const),
    }));
    return {
      key: `${cell.code}:${d.kind}:${d.date}`,
      cellCode: cell.code,
      kind: d.kind,
      date: d.date,
      topic: d.topic,
      chairCode: chair.code,
      overseerCode,
      overseerAttendance,
      minutes: '',
      attendance,
      resolutions,
      scores: MEETING_SHEET.criteria.map((k) => Math.max(0, k.maxPoints - rng.int(0, 3))),
    };
  });
  // Members absent without excuse at the latest meetings, for the secretary's flags.
  for (const [memberCode, count] of streaks) {
    for (const meeting of meetings.slice(-count)) {
      const row = meeting.attendance.find((a) => a.memberCode === memberCode);
      if (row) row.status = 'absent';
    }
  }
  for (const m of meetings) {
    const count = (s: AttendanceStatus) => m.attendance.filter((a) => a.status === s).length;
    const chair = members.find((x) => x.code === m.chairCode);
    m.minutes =
      `${m.topic}. Tổng số đảng viên phải dự: ${m.attendance.length}; có mặt: ${count('present')}; ` +
      `vắng có lý do: ${count('excused')}; vắng không lý do: ${count('absent')}. ` +
      `Đồng chí ${chair?.fullName ?? ''} chủ trì. Chi bộ đánh giá việc thực hiện nghị quyết kỳ trước, ` +
      `tình hình các hộ đảng viên phụ trách, thảo luận và thống nhất nghị quyết kỳ này.`;
  }
  return meetings;
}

/** Ordinary members of the cell who follow households, in code order. */
function ordinaryMembers(c: CommuneContext, cell: DemoUnit, skip: ReadonlySet<string>): DemoMember[] {
  return (c.membersByCell.get(cell.code) ?? []).filter(
    (m) => m.role === 'member' && !m.exempt && !skip.has(m.code),
  );
}

function resultsOf(c: CommuneContext, excellentRuns: ReadonlyMap<string, number>, rng: Rng): DemoResult[] {
  const results: DemoResult[] = [];
  // 2022, as in the report: every cell "hoàn thành tốt" or better; the given number excellent.
  for (const cell of c.cells) {
    const run = excellentRuns.get(cell.code) ?? 0;
    for (const year of RESULT_YEARS) {
      const excellent = year > 2022 - run;
      const level: ResultLevel = excellent
        ? 'excellent'
        : year < 2022 && rng.chance(0.08)
          ? 'completed'
          : 'good';
      results.push({ unitCode: cell.code, year, level });
    }
  }
  for (const year of RESULT_YEARS) results.push({ unitCode: c.committee.code, year, level: 'good' });
  return results;
}

export function generateCellLifeDemo(data: DemoData, asOf: string): CellLifeDemo {
  const district = data.units.find((u) => u.kind === 'district_committee');
  const province = data.units.find((u) => u.kind === 'province_committee');
  const sheetOwner = district ?? province;
  const result: CellLifeDemo = {
    sheets: sheetOwner ? [{ ...MEETING_SHEET, ownerCode: sheetOwner.code }] : [],
    massOrgs: [],
    oversight: [],
    meetings: [],
    results: [],
    awardTitles: [],
    awards: [],
    accounts: [],
  };
  const districtIssuer = district
    ? `Ban Thường vụ ${district.name.replace('Đảng bộ huyện', 'Huyện ủy')}`
    : '';
  if (district) {
    result.awardTitles.push({
      code: 'GK-BTV-HU',
      ownerCode: district.code,
      name: 'Giấy khen của Ban Thường vụ Huyện ủy',
      level: 'district',
      recipientKind: 'both',
      issuer: districtIssuer,
      consecutiveExcellentYears: 5,
      source: 'Quy định khen thưởng tổ chức đảng và đảng viên (bản áp dụng tại Đảng bộ huyện)',
      validFrom: '2015-01-01',
    });
  }
  if (province) {
    result.awardTitles.push({
      code: 'BK-BTV-TU',
      ownerCode: province.code,
      name: 'Bằng khen của Ban Thường vụ Tỉnh ủy',
      level: 'province',
      recipientKind: 'both',
      issuer: `Ban Thường vụ ${province.name.replace('Đảng bộ tỉnh', 'Tỉnh ủy')}`,
      consecutiveExcellentYears: null,
      source: 'Quy định khen thưởng tổ chức đảng và đảng viên của Tỉnh ủy',
      validFrom: '2015-01-01',
    });
  }

  const window = monthsEndingWith(addMonths(monthOf(asOf), -1), 12);
  const model: { collectives: string[]; individuals: string[] } = { collectives: [], individuals: [] };
  for (const c of communes(data)) {
    const rng = createRng(`${SEED}/${c.committee.code}`);
    const name = communeName(c.committee);
    for (const k of massOrgKinds) {
      result.massOrgs.push({
        code: `${c.committee.code}.DT.${k.slug}`,
        name: k.name(name),
        orgType: k.type,
        parentCode: c.committee.code,
        validFrom: c.committee.validFrom,
      });
      // "05/05 đoàn thể hoàn thành xuất sắc nhiệm vụ" in 2022; each one year a step lower before.
      const goodYear = at(RESULT_YEARS, rng.int(0, RESULT_YEARS.length - 2));
      for (const year of RESULT_YEARS) {
        const level: ResultLevel = year === goodYear ? 'good' : 'excellent';
        result.results.push({ unitCode: `${c.committee.code}.DT.${k.slug}`, year, level });
      }
    }
    result.awardTitles.push({
      code: 'GK-DU-XA',
      ownerCode: c.committee.code,
      name: 'Giấy khen của Đảng ủy xã',
      level: 'commune',
      recipientKind: 'both',
      issuer: `Đảng ủy xã ${name}`,
      consecutiveExcellentYears: null,
      source: `Quy chế thi đua, khen thưởng của Đảng ủy xã ${name}`,
      validFrom: '2015-01-01',
    });

    const oversight = oversightOf(c);
    result.oversight.push(...oversight);
    const overseerOf = new Map(oversight.map((o) => [o.unitCode, o.memberCode]));

    // Two cells other than the first hamlet cell skipped one month each.
    const skippable = c.cells.slice(1);
    const skips = new Map<string, string>();
    for (let i = 0; i < 2 && skippable.length > 0; i += 1) {
      skips.set(rng.pick(skippable).code, at(window, rng.int(3, window.length - 1)));
    }
    const accountMembers = new Set(data.accounts.flatMap((a) => (a.memberCode ? [a.memberCode] : [])));
    c.cells.forEach((cell, index) => {
      const streaks = new Map<string, number>();
      const ordinary = ordinaryMembers(c, cell, accountMembers);
      // The first hamlet cell shows the secretary a member absent 3 times in a row and one absent twice.
      if (index === 0 && ordinary.length >= 2) {
        streaks.set(at(ordinary, 0).code, 3);
        streaks.set(at(ordinary, 1).code, 2);
      } else if (index === 3 && ordinary.length >= 1) {
        streaks.set(at(ordinary, 0).code, 4);
      }
      const skipped = new Set(skips.has(cell.code) ? [skips.get(cell.code) as string] : []);
      result.meetings.push(
        ...cellMeetings(c, cell, window, skipped, overseerOf.get(cell.code) ?? null, streaks),
      );
    });

    // Results 2018–2022: the report's excellent cells of 2022, one of Hòa Thuận's five years running.
    const hamlets = c.hamletCells;
    const runs = new Map<string, number>();
    if (name === 'Hòa Thuận' && hamlets.length >= 6) {
      runs.set(at(hamlets, 0).code, 5);
      runs.set(at(hamlets, 3).code, 1);
      runs.set(at(hamlets, 5).code, 2);
    } else if (hamlets.length >= 2) {
      // Thạnh Lộc: two excellent in 2022; Thạnh Hiệp five years running, not yet commended (a proposal).
      runs.set(at(hamlets, 1).code, 5);
      runs.set(at(hamlets, 0).code, 2);
    }
    result.results.push(...resultsOf(c, runs, rng));
    const fiveYears = [...runs].find(([, years]) => years === 5);
    if (name === 'Hòa Thuận' && fiveYears && district) {
      result.awards.push({
        key: `${fiveYears[0]}:GK-BTV-HU:2022`,
        recipientKind: 'collective',
        unitCode: fiveYears[0],
        titleCode: 'GK-BTV-HU',
        titleOwnerCode: district.code,
        issuer: districtIssuer,
        decisionNumber: '512-QĐ/HU',
        decisionDate: '2023-02-03',
        year: 2022,
        reason: 'Chi bộ hoàn thành xuất sắc nhiệm vụ 05 năm liền (2018–2022)',
        basis: excellentRunText(5, 2018, 2022),
      });
    }
    // Thạnh Lộc: the report's two cells that completed their tasks excellently in 2022, each with the commune's Giấy khen.
    if (name === 'Thạnh Lộc') {
      [at(hamlets, 1), at(hamlets, 0)].forEach((cell, i) =>
        result.awards.push({
          key: `${cell.code}:GK-DU-XA:2022`,
          recipientKind: 'collective',
          unitCode: cell.code,
          titleCode: 'GK-DU-XA',
          titleOwnerCode: c.committee.code,
          issuer: `Đảng ủy xã ${name}`,
          decisionNumber: `${41 + i}-QĐ/ĐU`,
          decisionDate: '2023-01-16',
          year: 2022,
          reason: 'Chi bộ hoàn thành xuất sắc nhiệm vụ năm 2022',
          basis: null,
        }),
      );
    }
    // Collectives and individuals for studying and following Hồ Chí Minh's example (the report's 04 and 17).
    model.collectives.push(...hamlets.slice(2, 4).map((h) => h.code));
    for (const h of hamlets) {
      const candidates = ordinaryMembers(c, h, accountMembers);
      if (candidates.length > 2) model.individuals.push(at(candidates, 2).code);
    }
  }

  if (district) {
    const award = (recipientKind: RecipientKind, code: string, i: number): DemoAward => ({
      key: `hcm:${code}`,
      recipientKind,
      ...(recipientKind === 'collective' ? { unitCode: code } : { memberCode: code }),
      titleCode: 'GK-BTV-HU',
      titleOwnerCode: district.code,
      issuer: districtIssuer,
      decisionNumber: `${870 + i}-QĐ/HU`,
      decisionDate: '2023-05-18',
      year: 2023,
      reason: 'Có thành tích tiêu biểu trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
      basis: null,
    });
    // The report: 04 collectives and 17 individuals commended for studying and following Hồ Chí Minh's example.
    model.collectives.slice(0, 4).forEach((code, i) => result.awards.push(award('collective', code, i)));
    model.individuals.slice(0, 17).forEach((code, i) => result.awards.push(award('individual', code, 4 + i)));
  }

  // An account for the committee member who follows Chi bộ ấp Thạnh An.
  const thanhAnSecretary = data.accounts.find((a) => a.username === 'bithu.thanhan');
  const thanhAnCell = thanhAnSecretary?.scopeUnitCode;
  const overseer = result.oversight.find((o) => o.unitCode === thanhAnCell);
  const overseerMember = overseer && data.members.find((m) => m.code === overseer.memberCode);
  const committee = data.units.find(
    (u) => u.code === data.units.find((x) => x.code === thanhAnCell)?.parentCode,
  );
  if (overseerMember && committee) {
    result.accounts.push({
      username: 'capuy.thanhloc',
      password: DEMO_PASSWORD,
      displayName: overseerMember.fullName,
      role: 'commune_leader',
      scopeUnitCode: committee.code,
      memberCode: overseerMember.code,
      hint: 'Đảng ủy viên phụ trách chi bộ ấp Thạnh An: đơn vị theo dõi, sinh hoạt chi bộ, việc quá hạn',
    });
  }
  return result;
}
