import type {
  AwayScope,
  ChangeEvent,
  ChangeSource,
  CulturalTitle,
  Disability,
  InfoDevice,
  LatrineType,
  PolicyFamilyType,
  SchoolingLevel,
  Sex,
  Tenure,
  WaterSource,
  WorkingCapacity,
} from '@caunoi/domain';
import type { DemoHousehold, DemoPerson } from './demo-types.js';
import { createRng, weighted, type Rng } from './prng.js';
import { kinhName, khmerName } from './vietnamese-names.js';

/*
 * The rest of each demo household's tracking book, derived from its code so
 * it is the same on every machine: living conditions that agree with the
 * poverty status (a poor household earns under the Decree 07 rural line of
 * 1,500,000 VND per person and lacks several things), people's schooling and
 * work, people working away, cultural-family titles, and a few months of
 * history ending on the seed date, so the timeline and the "biến động" view
 * show something. None of it touches the report's figures: the people living
 * in each household stay exactly those of generate-demo.ts.
 */

export interface DemoPersonBook {
  ethnicity: string;
  occupation: string | null;
  schoolingLevel: SchoolingLevel | null;
  inSchool: boolean | null;
  healthInsurance: boolean;
  disability: Disability;
  workingCapacity: WorkingCapacity | null;
}

export interface DemoFormerPerson extends DemoPerson, DemoPersonBook {
  status: 'moved_away' | 'deceased';
  leftOn: string;
}

export interface DemoAway {
  /** Index into the household's people. */
  person: number;
  destination: string;
  scope: AwayScope;
  since: string;
  work: string;
  returnedOn: string | null;
}

export interface DemoChange {
  field: string;
  /** Index into people (≥ 0), into former people (< 0: -1 is the first), or null. */
  person: number | null;
  /** Index into the away entries, for away fields. */
  away: number | null;
  event: ChangeEvent | null;
  oldValue: unknown;
  newValue: unknown;
  on: string;
  source: ChangeSource;
}

export interface DemoBook {
  columns: {
    phone: string | null;
    monthly_income: number;
    wall_durable: number;
    column_durable: number;
    roof_durable: number;
    floor_area_m2: number;
    tenure: Tenure;
    water_source: WaterSource;
    latrine_type: LatrineType;
    internet_use: number;
    info_devices: string;
    crops: string | null;
    livestock: string | null;
    trade: string | null;
    wage_work: string | null;
    land_area_m2: number;
    policy_family_type: PolicyFamilyType | null;
    needs_help_reason: string | null;
    vulnerable_elderly_alone: number;
    vulnerable_disabled: number;
    vulnerable_orphan: number;
    vulnerable_chronically_ill: number;
  };
  people: DemoPersonBook[];
  former: DemoFormerPerson[];
  away: DemoAway[];
  titles: { year: number; title: CulturalTitle }[];
  /** Indexes into the commune's catalogue ticked this year, with the date; empty when not reviewed yet. */
  commitments: { item: number; done: boolean; doneOn: string | null }[];
  changes: DemoChange[];
}

/** The commune's catalogue of household commitments (cam kết của hộ gia đình). */
export const demoCommitmentItems = [
  'Chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước và quy định của địa phương',
  'Không có người mắc tệ nạn xã hội, không vi phạm pháp luật',
  'Giữ gìn vệ sinh môi trường, có nhà tiêu hợp vệ sinh, trồng cây xanh',
  'Cho con em trong độ tuổi đi học đầy đủ',
  'Tham gia bảo hiểm y tế cho các thành viên trong gia đình',
] as const;

const bool = (value: boolean) => (value ? 1 : 0);
const khmerFamilies = new Set(['Danh', 'Thạch', 'Sơn', 'Kiên']);

function isKhmer(headName: string): boolean {
  return headName.startsWith('Thị ') || khmerFamilies.has(headName.split(' ')[0] ?? '');
}

/** The date `days` before `date` (YYYY-MM-DD). */
export function daysBefore(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

const perPersonIncome: Record<DemoHousehold['povertyStatus'], [number, number]> = {
  poor: [600_000, 1_400_000],
  near_poor: [1_050_000, 1_450_000],
  average: [1_550_000, 2_200_000],
  none: [2_300_000, 6_500_000],
};

const poorWater = weighted<WaterSource>([
  ['drilled_well', 40],
  ['surface', 25],
  ['unprotected_well', 15],
  ['rainwater', 20],
]);
const water = weighted<WaterSource>([
  ['piped', 40],
  ['drilled_well', 45],
  ['rainwater', 10],
  ['bottled', 5],
]);
const poorLatrine = weighted<LatrineType>([
  ['simple_pit', 35],
  ['over_water', 35],
  ['flush_septic', 20],
  ['none', 10],
]);
const latrine = weighted<LatrineType>([
  ['flush_septic', 80],
  ['double_vault', 10],
  ['ventilated_pit', 5],
  ['biogas', 5],
]);
const policyType = weighted<PolicyFamilyType>([
  ['martyr_family', 40],
  ['war_invalid', 25],
  ['sick_soldier', 10],
  ['resistance_activist', 15],
  ['agent_orange', 5],
  ['revolution_helper', 5],
]);
const crops = ['Lúa hai vụ', 'Lúa ba vụ', 'Lúa, rau màu', 'Khóm (dứa)', 'Mía', 'Vườn cây ăn trái'] as const;
const livestock = ['Heo 2 con', 'Heo 5 con', 'Gà, vịt', 'Bò 2 con', 'Nuôi cá đồng', 'Vịt chạy đồng'] as const;
const trades = ['Tạp hóa', 'Bán vé số', 'Xay xát lúa', 'Sửa xe', 'Bán rau ở chợ'] as const;
const wageWorks = ['Làm thuê mùa vụ', 'Phụ hồ', 'Cắt lúa thuê', 'Làm cỏ thuê'] as const;
const helpReasons = [
  'Chủ hộ bệnh nặng, không có khả năng lao động',
  'Thiếu vốn sản xuất',
  'Nhà ở xuống cấp, cần hỗ trợ sửa chữa',
  'Đông con, thiếu lao động',
  'Không có đất sản xuất',
] as const;
const domestic = ['TP. Hồ Chí Minh', 'Bình Dương', 'Đồng Nai', 'Long An', 'Cần Thơ', 'Phú Quốc'] as const;
const abroad = ['Hàn Quốc', 'Nhật Bản', 'Đài Loan'] as const;
const awayWork = [
  'Công nhân may',
  'Công nhân nhà máy',
  'Phụ hồ',
  'Giúp việc nhà',
  'Lao động hợp đồng',
] as const;
const adultWork = ['Làm ruộng', 'Làm ruộng', 'Làm thuê', 'Buôn bán', 'Nội trợ', 'Công nhân'] as const;

function personBook(rng: Rng, p: DemoPerson, year: number, poor: boolean, ethnicity: string): DemoPersonBook {
  const age = year - p.birthYear;
  const schooling: SchoolingLevel =
    age < 6
      ? 'preschool'
      : age < 11
        ? 'primary'
        : age < 15
          ? 'lower_secondary'
          : age < 18
            ? 'upper_secondary'
            : rng.pick(
                poor
                  ? (['primary', 'primary', 'lower_secondary', 'none'] as const)
                  : ([
                      'lower_secondary',
                      'upper_secondary',
                      'upper_secondary',
                      'vocational',
                      'university',
                    ] as const),
              );
  const disabled = rng.chance(0.03);
  return {
    ethnicity,
    // Past 70 no occupation: "già yếu" is the working capacity below (labelled in both languages), not a job.
    occupation: age < 6 || age > 70 ? null : age < 18 ? 'Học sinh' : rng.pick(adultWork),
    schoolingLevel: age < 3 ? null : schooling,
    inSchool: age < 3 ? null : age < 18 ? rng.chance(0.95) : false,
    // Poor and near-poor households get health insurance from the state.
    healthInsurance: poor || rng.chance(0.9),
    disability: disabled ? rng.pick(['mild', 'severe'] as const) : 'none',
    workingCapacity:
      age < 15
        ? null
        : age > 70
          ? 'none'
          : age > 60 || disabled
            ? 'limited'
            : rng.chance(0.04)
              ? 'limited'
              : 'full',
  };
}

function former(rng: Rng, h: DemoHousehold, khmer: boolean, year: number, leftOn: string): DemoFormerPerson {
  const sex: Sex = rng.chance(0.5) ? 'male' : 'female';
  const deceased = rng.chance(0.3);
  const birthYear = deceased ? rng.int(1930, 1950) : rng.int(1995, 2004);
  const family = h.headName.split(' ')[0] ?? 'Nguyễn';
  const taken = new Set(h.people.map((p) => p.fullName));
  let fullName = khmer ? khmerName(rng, family, sex) : kinhName(rng, family, sex, birthYear);
  while (taken.has(fullName))
    fullName = khmer ? khmerName(rng, family, sex) : kinhName(rng, family, sex, birthYear);
  return {
    fullName,
    relation: deceased ? 'parent' : 'child',
    birthYear,
    sex,
    ...personBook(
      rng,
      { fullName, relation: 'child', birthYear, sex },
      year,
      false,
      khmer ? 'Khmer' : 'Kinh',
    ),
    status: deceased ? 'deceased' : 'moved_away',
    leftOn,
  };
}

/**
 * One household's book. `today` is the seed date (YYYY-MM-DD, Vietnam): the
 * history covers the four months before it, so the current month has changes.
 */
export function demoHouseholdBook(h: DemoHousehold, today: string): DemoBook {
  const rng = createRng(`book:${h.code}`);
  const year = Number(today.slice(0, 4));
  const poor = h.povertyStatus === 'poor' || h.povertyStatus === 'near_poor';
  const khmer = isKhmer(h.headName);
  const ethnicity = khmer ? 'Khmer' : rng.chance(0.02) ? 'Hoa' : 'Kinh';
  const [low, high] = perPersonIncome[h.povertyStatus];
  const perPerson = Math.floor(rng.int(low, high) / 10_000) * 10_000;
  const income = perPerson * h.people.length;
  const durable = (p: number) => rng.chance(p);
  const devices: InfoDevice[] = (['tv', 'radio', 'computer', 'smartphone', 'phone'] as const).filter((d) =>
    rng.chance(
      { tv: 0.8, radio: 0.1, computer: poor ? 0.03 : 0.15, smartphone: poor ? 0.55 : 0.8, phone: 0.2 }[d],
    ),
  );
  const people = h.people.map((p) => personBook(rng, p, year, poor, ethnicity));
  const head = h.people[0]!;
  const columns: DemoBook['columns'] = {
    phone: rng.chance(0.6) ? `09${String(rng.int(0, 99_999_999)).padStart(8, '0')}` : null,
    monthly_income: income,
    wall_durable: bool(durable(poor ? 0.35 : 0.92)),
    column_durable: bool(durable(poor ? 0.45 : 0.95)),
    roof_durable: bool(durable(poor ? 0.3 : 0.9)),
    floor_area_m2: poor ? rng.int(18, 40) : rng.int(35, 120),
    tenure: rng.chance(0.92) ? 'owned' : rng.chance(0.6) ? 'rented' : 'other',
    water_source: (poor ? poorWater : water)(rng),
    latrine_type: (poor ? poorLatrine : latrine)(rng),
    internet_use: bool(rng.chance(poor ? 0.4 : 0.85)),
    info_devices: JSON.stringify(devices),
    crops: rng.chance(0.65) ? rng.pick(crops) : null,
    livestock: rng.chance(0.4) ? rng.pick(livestock) : null,
    trade: rng.chance(0.1) ? rng.pick(trades) : null,
    wage_work: rng.chance(poor ? 0.55 : 0.2) ? rng.pick(wageWorks) : null,
    land_area_m2: poor ? rng.int(0, 30) * 100 : rng.int(20, 200) * 100,
    policy_family_type: h.policyFamily ? policyType(rng) : null,
    needs_help_reason: h.needsHelp ? rng.pick(helpReasons) : null,
    vulnerable_elderly_alone: bool(h.people.length === 1 && head.birthYear <= year - 65),
    vulnerable_disabled: bool(people.some((p) => p.disability !== 'none')),
    vulnerable_orphan: bool(rng.chance(0.005)),
    vulnerable_chronically_ill: bool(rng.chance(poor ? 0.25 : 0.05)),
  };

  const changes: DemoChange[] = [];
  const source = (): ChangeSource => (rng.chance(0.6) ? 'visit' : 'edit');
  const recent = () => daysBefore(today, rng.int(0, 120));

  const formerPeople: DemoFormerPerson[] = [];
  if (rng.chance(0.05)) {
    const leftOn = recent();
    const gone = former(rng, h, khmer, year, leftOn);
    formerPeople.push(gone);
    changes.push({
      field: 'status',
      person: -1,
      away: null,
      event: gone.status,
      oldValue: 'active',
      newValue: gone.status,
      on: leftOn,
      source: source(),
    });
  }

  const away: DemoAway[] = [];
  const workers = people.flatMap((p, i) => {
    const age = year - h.people[i]!.birthYear;
    return p.workingCapacity === 'full' && age >= 18 && age <= 45 && i > 0 ? [i] : [];
  });
  if (workers.length > 0 && rng.chance(0.3)) {
    const abroadWork = rng.chance(0.1);
    const started = rng.chance(0.35) ? recent() : daysBefore(today, rng.int(150, 900));
    const returned = rng.chance(0.2) ? daysBefore(today, rng.int(0, 60)) : null;
    const entry: DemoAway = {
      person: rng.pick(workers),
      destination: rng.pick(abroadWork ? abroad : domestic),
      scope: abroadWork ? 'abroad' : 'domestic',
      since: started,
      work: rng.pick(awayWork),
      returnedOn: returned !== null && returned > started ? returned : null,
    };
    away.push(entry);
    if (entry.since >= daysBefore(today, 120)) {
      changes.push({
        field: '',
        person: entry.person,
        away: 0,
        event: 'away_started',
        oldValue: null,
        newValue: {
          destination: entry.destination,
          scope: entry.scope,
          since: entry.since,
          work: entry.work,
        },
        on: entry.since,
        source: source(),
      });
    }
    if (entry.returnedOn) {
      changes.push({
        field: 'returnedOn',
        person: entry.person,
        away: 0,
        event: 'away_ended',
        oldValue: null,
        newValue: entry.returnedOn,
        on: entry.returnedOn,
        source: source(),
      });
    }
  }

  const limited = people.findIndex((p) => p.workingCapacity === 'limited');
  if (limited >= 0 && rng.chance(0.15)) {
    changes.push({
      field: 'workingCapacity',
      person: limited,
      away: null,
      event: 'capacity_changed',
      oldValue: 'full',
      newValue: 'limited',
      on: recent(),
      source: source(),
    });
  }
  if (rng.chance(0.08)) {
    const before = Math.max(0, income + rng.pick([-1, 1]) * rng.int(2, 10) * 100_000);
    changes.push({
      field: 'monthlyIncome',
      person: null,
      away: null,
      event: null,
      oldValue: before,
      newValue: income,
      on: recent(),
      source: source(),
    });
  }

  const titles = [year - 1].map((y) => ({
    year: y,
    title: (rng.chance(poor ? 0.5 : 0.85)
      ? rng.chance(0.06)
        ? 'exemplary_cultural_family'
        : 'cultural_family'
      : 'not_achieved') as CulturalTitle,
  }));
  // About half the households have gone through this year's commitments with their member so far.
  const reviewed = rng.chance(0.5);
  const commitments = (reviewed ? demoCommitmentItems : []).map((_text, item) => {
    const done = rng.chance(item === 2 && poor ? 0.5 : 0.85);
    const on = `${year}-${rng.pick(['02', '03'])}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    // Early in a year the ticks are dated no later than the seed day.
    return { item, done, doneOn: done ? (on > today ? today : on) : null };
  });
  changes.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  return { columns, people, former: formerPeople, away, titles, commitments, changes };
}
