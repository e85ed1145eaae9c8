import {
  addMonths,
  careCategoryOf,
  isHeldToHomeVisits,
  defaultVisitCadence,
  lastDayOfMonth,
  loanActionKinds,
  periodOf,
  previousPeriodOf,
  type HelpActionKind,
  type HelpActionStatus,
  type PovertyCause,
  type PovertyStatus,
  type VisitKind,
} from '@caunoi/domain';
import type { DemoData, DemoHousehold } from './demo-types.js';
import { committeeCode, thanhLoc } from './giong-rieng-spec.js';
import { createRng, weighted, type Rng } from './prng.js';

/*
 * Field work for the demo, on top of the Giồng Riềng data: four months of
 * visits ending on `asOf` (most poor, near-poor and needy households visited
 * every month, some overdue; the others about twice a year), a help plan for
 * every poor and near-poor household with its actions, and the 2022 review
 * results behind the report's 2023 outcomes for Thạnh Lộc: 45 households out
 * of poverty, 95 advised on a business model, 121 helped to a loan. Pure:
 * the same data and `asOf` give the same result.
 */

export interface DemoVisit {
  householdCode: string;
  memberCode: string;
  date: string;
  kind: VisitKind;
  notes: string | null;
}

export interface DemoHelpAction {
  kind: HelpActionKind;
  description: string | null;
  status: HelpActionStatus;
  dueOn: string | null;
  completedOn: string | null;
  result: string | null;
  loanAmount: number | null;
  /** What a donor gave (donor calls done). */
  donationAmount: number | null;
  peopleCount: number | null;
  /** The member in charge: the household's own member. */
  ownerMemberCode: string | null;
  ownerName: string | null;
}

export interface DemoHelpPlan {
  householdCode: string;
  causes: PovertyCause[];
  wishes: string | null;
  targetYear: number;
  actions: DemoHelpAction[];
}

export interface DemoReviewYear {
  householdCode: string;
  year: number;
  status: PovertyStatus;
}

export interface DemoReviewSheet {
  householdCode: string;
  year: number;
  overrides: Record<string, boolean>;
  reviewRequested: boolean;
  reviewNote: string | null;
}

export interface FieldWorkDemo {
  visits: DemoVisit[];
  plans: DemoHelpPlan[];
  /** Recognised statuses of earlier years (the demo's households carry 2023). */
  reviewYears: DemoReviewYear[];
  sheets: DemoReviewSheet[];
}

/** The report's 2023 outcomes for Thạnh Lộc. */
export const thanhLocOutcomes2023 = { escapedPoverty: 45, advisedOnBusiness: 95, helpedToLoan: 121 } as const;

const visitKind = weighted<VisitKind>([
  ['home_visit', 70],
  ['phone_call', 14],
  ['meeting', 10],
  ['community_activity', 6],
]);

const visitNotes = [
  'Hộ ổn định, con đi học đều.',
  'Chủ hộ đi làm thuê, vợ ở nhà chăm con nhỏ.',
  'Đã tuyên truyền chính sách bảo hiểm y tế hộ gia đình.',
  'Nhắc hộ đóng học phí cho cháu đầu năm học.',
  'Hộ đang chăm sóc lúa vụ mùa, cần hỗ trợ giống.',
  'Chủ hộ bị bệnh, đã báo chi hội phụ nữ thăm hỏi.',
  'Hộ mong được vay vốn nuôi heo.',
  'Đã hướng dẫn hộ làm hồ sơ vay vốn Ngân hàng Chính sách xã hội.',
  'Nhà dột, hộ đề nghị hỗ trợ sửa mái trước mùa mưa.',
  'Con lớn đã đi làm công ty ở Bình Dương, gửi tiền về đều.',
  'Tuyên truyền phòng chống sốt xuất huyết, vệ sinh môi trường.',
  'Hộ cam kết không để con em tham gia tệ nạn xã hội.',
];

const causeTable = weighted<PovertyCause>([
  ['lack_of_capital', 30],
  ['lack_of_land', 18],
  ['illness_or_accident', 16],
  ['lack_of_labour', 12],
  ['lack_of_know_how', 10],
  ['lack_of_job_skills', 8],
  ['lack_of_tools', 4],
  ['other', 2],
]);

const wishes = [
  'Muốn được vay vốn nuôi bò sinh sản.',
  'Mong con được học nghề may rồi đi làm công ty.',
  'Cần hỗ trợ sửa nhà trước mùa mưa.',
  'Muốn vay vốn mở tiệm tạp hóa nhỏ.',
  'Mong được hỗ trợ cây giống, con giống.',
  'Muốn chồng được giới thiệu việc làm ổn định.',
  'Cần hỗ trợ thẻ bảo hiểm y tế cho cả nhà.',
  null,
];

const otherActions = weighted<HelpActionKind>([
  ['crops_livestock', 30],
  ['vocational_training', 18],
  ['company_job', 14],
  ['house_building', 12],
  ['donor_call', 10],
  ['labour_export', 6],
  ['other', 10],
]);

const descriptions: Partial<Record<HelpActionKind, string>> = {
  business_guidance: 'Hướng dẫn kỹ thuật nuôi, trồng và cách tính toán làm ăn',
  social_policy_bank_loan: 'Làm hồ sơ vay vốn hộ nghèo, hộ cận nghèo',
  farmers_fund_loan: 'Vay Quỹ hỗ trợ nông dân qua tổ vay vốn của ấp',
  crops_livestock: 'Hỗ trợ con giống, cây giống',
  vocational_training: 'Giới thiệu học nghề ở Trung tâm giáo dục nghề nghiệp huyện',
  company_job: 'Giới thiệu việc làm ở khu công nghiệp',
  house_building: 'Vận động xây nhà đại đoàn kết',
  donor_call: 'Kêu gọi nhà hảo tâm hỗ trợ gạo, nhu yếu phẩm',
  labour_export: 'Tư vấn đi làm việc ở nước ngoài theo hợp đồng',
  other: 'Vận động con em đi học lại',
};

function dateIn(rng: Rng, month: string, lastDay?: string): string {
  const end = lastDay ?? lastDayOfMonth(month);
  const days = Number(end.slice(8, 10));
  return `${month}-${String(rng.int(1, days)).padStart(2, '0')}`;
}

/** How much of the period has gone by on `asOf`, 0 to 1: the chance this period's visit has happened yet. */
function fractionElapsed(period: { start: string; end: string }, asOf: string): number {
  const day = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
  return Math.min(1, (day(asOf) - day(period.start) + 1) / (day(period.end) - day(period.start) + 1));
}

/** A visit in each period the household keeps up with; the member's own overdue households miss the last one. */
function visitsOf(
  rng: Rng,
  h: DemoHousehold,
  memberCode: string,
  asOf: string,
  forceOverdue: boolean,
): DemoVisit[] {
  const category = careCategoryOf(h, defaultVisitCadence);
  const months = defaultVisitCadence[category];
  const visits: DemoVisit[] = [];
  const add = (date: string) => {
    // Drawn for every visit, so the rest of the demo stays as it was; a poor or
    // near-poor household is visited at home, the only kind that counts for it by default.
    const drawn = visitKind(rng);
    visits.push({
      householdCode: h.code,
      memberCode,
      date,
      kind: isHeldToHomeVisits(h.povertyStatus) ? 'home_visit' : drawn,
      notes: rng.chance(0.7) ? rng.pick(visitNotes) : null,
    });
  };
  const current = periodOf(asOf, months);
  const previous = previousPeriodOf(asOf, months);
  const elapsed = fractionElapsed(current, asOf);
  if (months === 1) {
    // The three months before this one, then this month so far.
    const keepsUp = !forceOverdue && rng.chance(0.85);
    for (let back = 3; back >= 1; back -= 1) {
      const month = addMonths(asOf.slice(0, 7), -back);
      if (back === 1 && !keepsUp) continue;
      if (back > 1 && rng.chance(0.08)) continue;
      add(dateIn(rng, month));
    }
    // A household missed last month is less likely to have been seen yet this month: those stay overdue.
    if (!forceOverdue && rng.chance((keepsUp ? 0.85 : 0.4) * elapsed))
      add(dateIn(rng, asOf.slice(0, 7), asOf));
    return visits;
  }
  const spanDays = (period: { start: string; end: string }, until: string) => {
    const from = Date.parse(`${period.start}T00:00:00Z`);
    const to = Date.parse(`${until}T00:00:00Z`);
    return new Date(from + rng.int(0, Math.max(0, Math.round((to - from) / 86_400_000))) * 86_400_000)
      .toISOString()
      .slice(0, 10);
  };
  if (!forceOverdue && rng.chance(months >= 6 ? 0.9 : 0.85)) add(spanDays(previous, previous.end));
  if (!forceOverdue && rng.chance(0.8 * elapsed)) add(spanDays(current, asOf));
  return visits;
}

function planOf(
  rng: Rng,
  h: DemoHousehold,
  memberCode: string,
  asOf: string,
  thanhLoc2023: { advised: boolean; loan: boolean },
): DemoHelpPlan {
  const year = Number(asOf.slice(0, 4));
  const causes = [
    ...new Set([causeTable(rng), causeTable(rng), ...(rng.chance(0.3) ? [causeTable(rng)] : [])]),
  ];
  const actions: DemoHelpAction[] = [];
  const base = (kind: HelpActionKind): DemoHelpAction => ({
    kind,
    description: descriptions[kind] ?? null,
    status: 'planned',
    dueOn: null,
    completedOn: null,
    result: null,
    loanAmount: null,
    donationAmount: null,
    peopleCount: null,
    ownerMemberCode: memberCode,
    ownerName: null,
  });
  const loanKind = (): HelpActionKind => (rng.chance(0.7) ? 'social_policy_bank_loan' : 'farmers_fund_loan');
  const amount = () => rng.int(2, 20) * 5_000_000;
  if (thanhLoc2023.advised) {
    actions.push({
      ...base('business_guidance'),
      status: 'done',
      completedOn: `2023-${String(rng.int(2, 9)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
      result: 'Hộ đã áp dụng mô hình nuôi, trồng được hướng dẫn',
    });
  }
  if (thanhLoc2023.loan) {
    const kind = loanKind();
    const lent = amount();
    actions.push({
      ...base(kind),
      status: 'done',
      completedOn: `2023-${String(rng.int(3, 11)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
      loanAmount: lent,
      result: `Được vay ${new Intl.NumberFormat('vi-VN').format(lent)} đồng`,
      ownerName: kind === 'social_policy_bank_loan' ? 'Tổ tiết kiệm và vay vốn ấp' : 'Hội Nông dân xã',
    });
  }
  // This year's work: something under way, something done, something planned.
  const count = rng.int(1, 3);
  for (let i = 0; i < count; i += 1) {
    const kind = rng.chance(0.35) ? loanKind() : otherActions(rng);
    const status = rng.pick<HelpActionStatus>([
      'done',
      'in_progress',
      'planned',
      'in_progress',
      'done',
      'dropped',
    ]);
    const action = base(kind);
    if (status === 'done') {
      const month = rng.int(1, Number(asOf.slice(5, 7)));
      const done = dateIn(rng, `${year}-${String(month).padStart(2, '0')}`);
      action.completedOn = done > asOf ? asOf : done;
      action.result = loanActionKinds.includes(kind) ? 'Đã giải ngân' : 'Đã thực hiện';
    } else {
      action.dueOn = dateIn(rng, addMonths(asOf.slice(0, 7), rng.int(0, 5)));
    }
    action.status = status;
    if (loanActionKinds.includes(kind)) action.loanAmount = amount();
    // A generator of its own, so the amounts do not shift the main sequence (and the pinned figures).
    if (kind === 'donor_call' && status === 'done')
      action.donationAmount = createRng(`donation:${h.code}:${i}`).int(1, 10) * 500_000;
    if (kind === 'vocational_training' || kind === 'company_job' || kind === 'labour_export') {
      action.peopleCount = rng.int(1, 2);
    }
    actions.push(action);
  }
  return {
    householdCode: h.code,
    causes,
    wishes: rng.pick(wishes),
    targetYear: year + rng.int(0, 2),
    actions,
  };
}

export function generateFieldWorkDemo(data: DemoData, asOf: string, demoMemberCode?: string): FieldWorkDemo {
  const households = new Map(data.households.map((h) => [h.code, h]));
  const memberOf = new Map(data.assignments.map((a) => [a.householdCode, a.memberCode]));

  // Visits: the demo member (dangvien.thanhan) keeps two monthly households overdue, so the worklist shows both kinds.
  let overdueLeft = 2;
  const visits: DemoVisit[] = [];
  for (const a of [...data.assignments].sort((x, y) => x.householdCode.localeCompare(y.householdCode))) {
    const h = households.get(a.householdCode);
    if (!h) continue;
    const monthly = defaultVisitCadence[careCategoryOf(h, defaultVisitCadence)] === 1;
    const forced = a.memberCode === demoMemberCode && monthly && overdueLeft > 0;
    if (forced) overdueLeft -= 1;
    visits.push(...visitsOf(createRng(`visit:${h.code}`), h, a.memberCode, asOf, forced));
  }

  // 2022 results: Thạnh Lộc's 45 households out of poverty in 2023 were poor in 2022; the rest kept their status.
  const tlPrefix = `${committeeCode(thanhLoc)}.`;
  const rng = createRng('field-work:review-2022');
  const tl = data.households.filter((h) => h.cellCode.startsWith(tlPrefix));
  const escaped = new Set(
    rng
      .shuffle(tl.filter((h) => h.povertyStatus === 'near_poor' || h.povertyStatus === 'average'))
      .slice(0, thanhLocOutcomes2023.escapedPoverty)
      .map((h) => h.code),
  );
  const reviewYears: DemoReviewYear[] = data.households
    .filter((h) => h.povertyStatus === 'poor' || h.povertyStatus === 'near_poor' || escaped.has(h.code))
    .map((h) => ({
      householdCode: h.code,
      year: 2022,
      status: escaped.has(h.code) ? 'poor' : h.povertyStatus,
    }));

  // Plans: every poor and near-poor household, and those that escaped; Thạnh Lộc's 2023 help as in the report.
  const planned = data.households.filter(
    (h) =>
      (h.povertyStatus === 'poor' || h.povertyStatus === 'near_poor' || escaped.has(h.code)) &&
      memberOf.has(h.code),
  );
  const tlPlanned = rng.shuffle(planned.filter((h) => h.cellCode.startsWith(tlPrefix)).map((h) => h.code));
  if (tlPlanned.length < thanhLocOutcomes2023.helpedToLoan) throw new Error('demo: too few Thạnh Lộc plans');
  const advised = new Set(tlPlanned.slice(0, thanhLocOutcomes2023.advisedOnBusiness));
  const loaned = new Set(rng.shuffle([...tlPlanned]).slice(0, thanhLocOutcomes2023.helpedToLoan));
  const plans = planned.map((h) =>
    planOf(createRng(`plan:${h.code}`), h, memberOf.get(h.code)!, asOf, {
      advised: advised.has(h.code),
      loan: loaned.has(h.code),
    }),
  );

  // This year's review sheets: a few households ask to be looked at again.
  const year = Number(asOf.slice(0, 4));
  const sheets: DemoReviewSheet[] = rng
    .shuffle(data.households.filter((h) => h.povertyStatus !== 'none').map((h) => h.code))
    .slice(0, 24)
    .map((code, i) => ({
      householdCode: code,
      year,
      overrides: (i % 3 === 0 ? { nutrition: true } : {}) as Record<string, boolean>,
      reviewRequested: true,
      reviewNote: rng.pick([
        'Chủ hộ bị tai nạn lao động, mất khả năng lao động.',
        'Hộ có thêm con nhỏ, thu nhập giảm.',
        'Hộ đề nghị xem xét ra khỏi danh sách hộ cận nghèo vì đã có việc làm ổn định.',
        'Nhà bị sập mái sau bão, đề nghị xem xét lại.',
      ]),
    }));
  return { visits, plans, reviewYears, sheets };
}
