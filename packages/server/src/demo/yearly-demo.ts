import type {
  CulturalTitle,
  CulturalUnitKind,
  IndicatorComparison,
  ModelKind,
  RatingStep,
  RatingSubject,
  ResultLevel,
} from '@caunoi/domain';
import type { DemoResult } from './cell-life-demo.js';
import type { DemoData, DemoUnit } from './demo-types.js';
import { at, createRng, type Rng } from './prng.js';

/*
 * Yearly work for the demo, on top of the cell-life results: the 2022
 * ratings decided step by step as the report states them (every cell at least
 * "hoàn thành tốt", 2 excellent in Thạnh Lộc, 3 in Hòa Thuận), the 2023
 * ratings in progress at several steps, the 4 tốt registrations, the
 * household model (every cell and member registered), Thạnh Lộc's 2023
 * targets (38/40 resolution indicators, 17/19 new-rural criteria, 7/7
 * cultural hamlets, 6/6 cultural agencies) and Hòa Thuận's 41 dân vận khéo
 * models (37 collectives, 4 individuals), and Thạnh Lộc's 2,697 cultural
 * families (the report's outcomes, read as 2023 like its other figures; it
 * gives none for Hòa Thuận, whose households carry no 2023 title). The report lists six hamlet cells
 * of Thạnh Lộc but counts 7 cultural hamlets: the seventh is recorded by name
 * only, as a hamlet without a cell of its own. Indicator values and model
 * titles are invented. Pure: the same data gives the same result.
 */

export interface DemoRatingStep {
  step: RatingStep;
  /** Total points; the seed spreads them over the framework's items. */
  total: number;
}

export interface DemoRating {
  subject: RatingSubject;
  unitCode: string;
  memberCode: string | null;
  year: number;
  steps: DemoRatingStep[];
}

export interface DemoIndicator {
  communeCode: string;
  year: number;
  position: number;
  name: string;
  measure: string | null;
  comparison: IndicatorComparison;
  target: number | null;
  actual: number | null;
  targetText: string | null;
  achievedManual: boolean | null;
}

export interface YearlyDemo {
  ratings: DemoRating[];
  indicators: DemoIndicator[];
  ntm: { communeCode: string; year: number; notAchieved: number[] }[];
  culturalUnits: {
    communeCode: string;
    year: number;
    kind: CulturalUnitKind;
    name: string;
    achieved: boolean;
  }[];
  models: { unitCode: string; year: number; kind: ModelKind; title: string; holder: string; field: string }[];
  fourGood: { unitCode: string; year: number; registeredOn: string; achieved: boolean[] | null }[];
  householdModel: { cellCode: string; memberCode: string | null; registeredOn: string }[];
  /** Households' cultural-family titles of a past year the report gives a count for. */
  culturalFamilies: { householdCode: string; year: number; title: CulturalTitle }[];
}

/** The report: Thạnh Lộc's households recognised as cultural families. */
export const THANH_LOC_CULTURAL_FAMILIES = 2697;

/**
 * The "4 tốt" criteria as the report names them (lãnh đạo thực hiện nhiệm vụ
 * chính trị, chất lượng sinh hoạt, đoàn kết và kỷ luật, cán bộ và đảng viên):
 * the demo's version of the catalogue, added on top of the migration's
 * reference version as a district would add its guidance. The start date is
 * not in the report: the 2020–2025 term, before the 2022 registrations.
 */
export const REPORT_FOUR_GOOD_CATALOGUE = {
  code: '4T-GR-2020',
  name: 'Phong trào "Chi bộ bốn tốt, Đảng bộ cơ sở bốn tốt" (Giồng Riềng)',
  source:
    'Tạp chí Văn hóa và Phát triển, 18/10/2023: "Kiên Giang: Huyện Giồng Riềng phát huy tốt vai trò Chi bộ bốn tốt, Đảng bộ cơ sở bốn tốt"',
  validFrom: '2020-10-01',
  criteria: [
    { code: 'NV-CHINH-TRI', text: 'Lãnh đạo thực hiện nhiệm vụ chính trị tốt' },
    { code: 'SINH-HOAT', text: 'Chất lượng sinh hoạt tốt' },
    { code: 'DOAN-KET-KY-LUAT', text: 'Đoàn kết, kỷ luật tốt' },
    { code: 'CAN-BO-DANG-VIEN', text: 'Cán bộ, đảng viên tốt' },
  ],
};

const SEED = 'caunoi-yearly-2023';
export const DEMO_TARGET_YEAR = 2023;
const MODEL_FROM = '2021-03-15';

/** A total inside the level's band of the 100-point scale. */
function totalFor(level: ResultLevel, rng: Rng): number {
  const [lo, hi] =
    level === 'excellent'
      ? [90, 97]
      : level === 'good'
        ? [74, 88]
        : level === 'completed'
          ? [56, 68]
          : [35, 48];
  return rng.int(lo * 2, hi * 2) / 2;
}

const decidedSteps = (total: number, rng: Rng): DemoRatingStep[] => [
  { step: 'self_assess', total: Math.min(100, total + rng.int(0, 4) / 2) },
  { step: 'propose', total },
  { step: 'decide', total },
];

// [name, measure, comparison, target, actual] or [name, null, null, text, achieved] for judged ones.
type IndicatorSpec = [string, string | null, IndicatorComparison | null, number | string, number | boolean];
const thanhLocIndicators: IndicatorSpec[] = [
  ['Tốc độ tăng giá trị sản xuất', '%', 'at_least', 7, 7.4],
  ['Thu nhập bình quân đầu người', 'triệu đồng/năm', 'at_least', 60, 62.5],
  ['Sản lượng lúa cả năm', 'tấn', 'at_least', 98000, 99200],
  ['Diện tích lúa chất lượng cao', '%', 'at_least', 80, 85],
  ['Diện tích nuôi tôm trên đất lúa', 'ha', 'at_least', 1200, 1180],
  ['Tỷ lệ hộ nghèo', '%', 'at_most', 1.5, 1.2],
  ['Tỷ lệ hộ cận nghèo', '%', 'at_most', 4, 3.8],
  ['Số hộ thoát nghèo', 'hộ', 'at_least', 40, 45],
  ['Tỷ lệ người dân tham gia bảo hiểm y tế', '%', 'at_least', 95, 95.6],
  ['Tỷ lệ hộ sử dụng nước sạch', '%', 'at_least', 98, 98.5],
  ['Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng', '%', 'at_most', 8, 7.2],
  ['Tỷ lệ trường đạt chuẩn quốc gia', '%', 'at_least', 80, 80],
  ['Tỷ lệ huy động trẻ 6 tuổi vào lớp 1', '%', 'at_least', 100, 100],
  ['Tỷ lệ lao động qua đào tạo', '%', 'at_least', 70, 71],
  ['Số lao động được giải quyết việc làm', 'người', 'at_least', 300, 326],
  ['Tỷ lệ hộ đạt danh hiệu gia đình văn hóa', '%', 'at_least', 95, 96.2],
  ['Số ấp giữ vững danh hiệu ấp văn hóa', 'ấp', 'at_least', 7, 7],
  ['Thu ngân sách trên địa bàn', 'triệu đồng', 'at_least', 4500, 4870],
  ['Bê tông hóa đường giao thông nông thôn', 'km', 'at_least', 5, 5.6],
  ['Tỷ lệ rác thải sinh hoạt được thu gom, xử lý', '%', 'at_least', 85, 86],
  ['Hoàn thành chỉ tiêu giao quân', '%', 'at_least', 100, 100],
  ['Tỷ lệ dân quân so với dân số', '%', 'at_least', 1.3, 1.35],
  ['Xã đạt chuẩn an toàn về an ninh, trật tự', null, null, 'Đạt', true],
  ['Kết nạp đảng viên mới', 'đảng viên', 'at_least', 10, 12],
  ['Tỷ lệ chi bộ hoàn thành tốt nhiệm vụ trở lên', '%', 'at_least', 90, 100],
  ['Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên', '%', 'at_least', 90, 92],
  ['Tỷ lệ đoàn thể hoàn thành tốt nhiệm vụ trở lên', '%', 'at_least', 100, 100],
  ['Chi bộ thực hiện mô hình đảng viên phụ trách hộ gia đình', 'chi bộ', 'at_least', 14, 14],
  ['Tỷ lệ đảng viên đăng ký phụ trách hộ gia đình', '%', 'at_least', 100, 100],
  ['Tập hợp hộ nông dân vào Hội Nông dân', '%', 'at_least', 75, 78],
  ['Tập hợp thanh niên vào Đoàn', '%', 'at_least', 65, 63],
  ['Tập hợp phụ nữ vào Hội Phụ nữ', '%', 'at_least', 80, 82],
  ['Tập hợp cựu chiến binh vào Hội', '%', 'at_least', 98, 99],
  ['Tỷ lệ người tham gia bảo hiểm xã hội tự nguyện', '%', 'at_least', 5, 5.3],
  ['Số vụ tai nạn giao thông', 'vụ', 'at_most', 3, 2],
  ['Không để xảy ra khiếu kiện đông người, vượt cấp', null, null, 'Không xảy ra', true],
  ['Giữ vững chuẩn xã nông thôn mới', null, null, 'Giữ vững', true],
  ['Xã đạt chuẩn tiếp cận pháp luật', null, null, 'Đạt', true],
  ['Số cuộc đối thoại trực tiếp với nhân dân', 'cuộc', 'at_least', 4, 4],
  ['Tỷ lệ kiến nghị của nhân dân được giải quyết', '%', 'at_least', 90, 94],
];

const thanhLocAgencies = [
  'Trụ sở Đảng ủy – HĐND – UBND xã Thạnh Lộc',
  'Trạm Y tế xã Thạnh Lộc',
  'Trường THCS Thạnh Lộc',
  'Trường Tiểu học Thạnh Lộc',
  'Trường Mẫu giáo Thạnh Lộc',
  'Công an xã Thạnh Lộc',
];
const extraThanhLocHamlet = 'Ấp Thạnh Bình';

const collectiveModels: [string, string][] = [
  ['Hũ gạo tình thương giúp hộ nghèo', 'an sinh xã hội'],
  ['Tuyến đường xanh – sạch – đẹp', 'văn hóa – xã hội'],
  ['Tổ hùn vốn xoay vòng giúp hội viên khó khăn', 'kinh tế'],
  ['Thắp sáng đường quê', 'văn hóa – xã hội'],
  ['Tổ nhân dân tự quản về an ninh, trật tự', 'quốc phòng – an ninh'],
  ['Camera an ninh ở ấp', 'quốc phòng – an ninh'],
  ['Vườn rau dinh dưỡng cho hộ nghèo', 'an sinh xã hội'],
  ['Cầu nông thôn do nhân dân đóng góp', 'kinh tế'],
  ['Nuôi lươn không bùn', 'kinh tế'],
  ['Đảng viên phụ trách hộ gia đình', 'xây dựng hệ thống chính trị'],
];
const collectiveHolders = ['Chi bộ', 'Chi hội Nông dân', 'Chi hội Phụ nữ', 'Chi đoàn'];
const individualModels: [string, string][] = [
  ['Hiến đất làm đường giao thông nông thôn', 'kinh tế'],
  ['Vận động hộ nghèo vươn lên thoát nghèo', 'an sinh xã hội'],
  ['Hòa giải giỏi ở cơ sở', 'quốc phòng – an ninh'],
  ['Gương đảng viên giúp hộ khó khăn', 'xây dựng hệ thống chính trị'],
];

export function generateYearlyDemo(data: DemoData, results: readonly DemoResult[]): YearlyDemo {
  const demo: YearlyDemo = {
    ratings: [],
    indicators: [],
    ntm: [],
    culturalUnits: [],
    models: [],
    fourGood: [],
    householdModel: [],
    culturalFamilies: [],
  };
  const levelOf = new Map(results.map((r) => [`${r.unitCode}:${r.year}`, r.level]));
  const accountMembers = new Set(data.accounts.flatMap((a) => (a.memberCode ? [a.memberCode] : [])));

  // Generated communes (district-demo.ts) have no yearly work of their own.
  for (const committee of data.units.filter((u) => u.kind === 'commune_committee' && u.note === undefined)) {
    const rng = createRng(`${SEED}/${committee.code}`);
    const cells = data.units.filter(
      (u): u is DemoUnit => u.parentCode === committee.code && (u.kind === 'cell' || u.kind === 'base_cell'),
    );

    // 2022: decided, as the results say; the committee rated by the district.
    const committeeLevel = levelOf.get(`${committee.code}:2022`) ?? 'good';
    demo.ratings.push({
      subject: 'committee',
      unitCode: committee.code,
      memberCode: null,
      year: 2022,
      steps: decidedSteps(totalFor(committeeLevel, rng), rng),
    });
    // 2023: the committee has assessed itself.
    demo.ratings.push({
      subject: 'committee',
      unitCode: committee.code,
      memberCode: null,
      year: 2023,
      steps: [{ step: 'self_assess', total: totalFor('good', rng) }],
    });

    cells.forEach((cell, index) => {
      const level = levelOf.get(`${cell.code}:2022`) ?? 'good';
      demo.ratings.push({
        subject: 'cell',
        unitCode: cell.code,
        memberCode: null,
        year: 2022,
        steps: decidedSteps(totalFor(level, rng), rng),
      });
      // 2023 in progress: a third not started, a third self-assessed, a third proposed by the commune.
      const stage = index % 3;
      if (stage > 0) {
        const total = totalFor(rng.chance(0.15) ? 'excellent' : 'good', rng);
        demo.ratings.push({
          subject: 'cell',
          unitCode: cell.code,
          memberCode: null,
          year: 2023,
          steps: stage === 1 ? [{ step: 'self_assess', total }] : decidedSteps(total, rng).slice(0, 2),
        });
      }

      const members = data.members.filter((m) => m.cellCode === cell.code);
      // 2022 members: about 15 % excellent (under the 20 % cap), a few only "hoàn thành".
      const excellent = Math.floor(members.length * 0.15);
      members.forEach((m, i) => {
        const memberLevel: ResultLevel =
          i < excellent ? 'excellent' : rng.chance(0.06) ? 'completed' : 'good';
        demo.ratings.push({
          subject: 'member',
          unitCode: cell.code,
          memberCode: m.code,
          year: 2022,
          steps: decidedSteps(totalFor(memberLevel, rng), rng),
        });
        // 2023: demo accounts' members have not started, so their users can try the first step.
        if (accountMembers.has(m.code)) return;
        const phase = (i + index) % 4;
        if (phase === 0) return;
        const total = totalFor(i < excellent ? 'excellent' : 'good', rng);
        demo.ratings.push({
          subject: 'member',
          unitCode: cell.code,
          memberCode: m.code,
          year: 2023,
          steps: phase === 3 ? decidedSteps(total, rng).slice(0, 2) : [{ step: 'self_assess', total }],
        });
      });

      // The household model: every cell built it, every member registered.
      demo.householdModel.push({ cellCode: cell.code, memberCode: null, registeredOn: MODEL_FROM });
      for (const m of members) {
        demo.householdModel.push({
          cellCode: cell.code,
          memberCode: m.code,
          registeredOn: m.activeFrom > MODEL_FROM ? m.activeFrom : MODEL_FROM,
        });
      }
    });

    // 4 tốt: every cell and the committee registered for 2022 (the political task achieved when rated good or better) and 2023.
    for (const unit of [committee, ...cells]) {
      const level = levelOf.get(`${unit.code}:2022`) ?? 'good';
      const good = level === 'excellent' || level === 'good';
      demo.fourGood.push({
        unitCode: unit.code,
        year: 2022,
        registeredOn: '2022-01-20',
        achieved: [good, true, true, true],
      });
      demo.fourGood.push({ unitCode: unit.code, year: 2023, registeredOn: '2023-01-18', achieved: null });
    }

    const name = committee.name.replace(/^Đảng bộ xã /, '');
    if (name === 'Thạnh Lộc') {
      thanhLocIndicators.forEach(([indicator, measure, comparison, target, actual], position) => {
        demo.indicators.push({
          communeCode: committee.code,
          year: DEMO_TARGET_YEAR,
          position: position + 1,
          name: indicator,
          measure,
          comparison: comparison ?? 'at_least',
          target: typeof target === 'number' ? target : null,
          actual: typeof actual === 'number' ? actual : null,
          targetText: typeof target === 'string' ? target : null,
          achievedManual: typeof actual === 'boolean' ? actual : null,
        });
      });
      // Exactly the report's count, chosen by a seeded draw in which poor and near-poor households
      // come last more often (the title asks for a decent living); about 6 % of them exemplary.
      const cellCodes = new Set(cells.map((c) => c.code));
      const drawn = data.households
        .filter((h) => cellCodes.has(h.cellCode))
        .map((h) => {
          const draw = createRng(`${SEED}/family/${h.code}`);
          const needy = h.povertyStatus === 'poor' || h.povertyStatus === 'near_poor';
          return { code: h.code, score: draw.next() + (needy ? 0.6 : 0), exemplary: draw.chance(0.06) };
        })
        .sort((a, b) => a.score - b.score || (a.code < b.code ? -1 : 1));
      for (const h of drawn.slice(0, THANH_LOC_CULTURAL_FAMILIES)) {
        demo.culturalFamilies.push({
          householdCode: h.code,
          year: DEMO_TARGET_YEAR,
          title: h.exemplary ? 'exemplary_cultural_family' : 'cultural_family',
        });
      }
      // 17 of 19: commercial infrastructure (7) and environment (17) not yet met.
      demo.ntm.push({ communeCode: committee.code, year: DEMO_TARGET_YEAR, notAchieved: [6, 16] });
      const hamlets = data.units.filter(
        (u) => u.kind === 'hamlet' && cells.some((c) => c.hamletCode === u.code),
      );
      for (const hamlet of [...hamlets.map((h) => h.name), extraThanhLocHamlet]) {
        demo.culturalUnits.push({
          communeCode: committee.code,
          year: DEMO_TARGET_YEAR,
          kind: 'hamlet',
          name: hamlet,
          achieved: true,
        });
      }
      for (const agency of thanhLocAgencies) {
        demo.culturalUnits.push({
          communeCode: committee.code,
          year: DEMO_TARGET_YEAR,
          kind: 'agency',
          name: agency,
          achieved: true,
        });
      }
    }
    if (name === 'Hòa Thuận') {
      const hamletCells = cells.filter((c) => c.hamletCode);
      const hamletName = (cell: DemoUnit) => cell.name.replace(/^Chi bộ /, '');
      for (let i = 0; i < 37; i += 1) {
        const cell = at(hamletCells, i % hamletCells.length);
        const [title, field] = at(collectiveModels, (i * 7) % collectiveModels.length);
        const holder = `${at(collectiveHolders, Math.floor(i / hamletCells.length) % collectiveHolders.length)} ${hamletName(cell)}`;
        demo.models.push({
          unitCode: cell.code,
          year: DEMO_TARGET_YEAR,
          kind: 'collective',
          title,
          holder,
          field,
        });
      }
      individualModels.forEach(([title, field], i) => {
        const cell = at(hamletCells, i * 3);
        const member = data.members.find((m) => m.cellCode === cell.code && m.role === 'member');
        demo.models.push({
          unitCode: cell.code,
          year: DEMO_TARGET_YEAR,
          kind: 'individual',
          title,
          holder: member?.fullName ?? hamletName(cell),
          field,
        });
      });
    }
  }
  return demo;
}
