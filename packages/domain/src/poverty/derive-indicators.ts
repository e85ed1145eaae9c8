import {
  cleanWaterSources,
  hygienicLatrines,
  type LatrineType,
  type WaterSource,
} from '../households/book-enums.js';
import type { PovertyIndicatorKey } from './poverty-indicators.js';
import type { PovertyStandard } from './poverty-standards.js';

/*
 * Each deprivation indicator read from the tracking book's facts, with the
 * reason in words. Where the book lacks a fact the indicator is unknown
 * (null) rather than guessed; where the book never records it (nutrition,
 * employment contracts, waste collection) it stays unknown and the review
 * sheet's manual answer decides. Ages are counted in the review year
 * (year − birth year). The thresholds follow the usual reading of Decree
 * 07/2021's annex (DESIGN.md §4); the approximations are named in the reasons.
 */

export interface FactPerson {
  birthYear: number | null;
  healthInsurance: boolean | null;
  inSchool: boolean | null;
  schoolingLevel: string | null;
  workingCapacity: string | null;
  disability: string | null;
}

export interface BookFacts {
  /** People living in the household (those working away included). */
  people: FactPerson[];
  wallDurable: boolean | null;
  columnDurable: boolean | null;
  roofDurable: boolean | null;
  floorAreaM2: number | null;
  waterSource: string | null;
  latrineType: string | null;
  internetUse: boolean | null;
  infoDevices: string[] | null;
}

export interface DerivedIndicator {
  key: PovertyIndicatorKey;
  /** True: deprived; false: not; null: the book does not say. */
  deprived: boolean | null;
  reason: { vi: string; en: string };
}

const text = (vi: string, en: string) => ({ vi, en });
const ageIn = (year: number, p: FactPerson) => (p.birthYear === null ? null : year - p.birthYear);
const decimal = (n: number) => (Math.round(n * 10) / 10).toLocaleString('vi-VN');

/** People whose age is known to fall in [from, to], and how many of the rest have no birth year. */
function byAge(year: number, people: FactPerson[], from: number, to: number) {
  return {
    inRange: people.filter((p) => {
      const age = ageIn(year, p);
      return age !== null && age >= from && age <= to;
    }),
    unknownAge: people.filter((p) => p.birthYear === null).length,
  };
}

function healthInsurance(year: number, people: FactPerson[]): DerivedIndicator {
  const { inRange, unknownAge } = byAge(year, people, 6, 200);
  const uninsured = inRange.filter((p) => p.healthInsurance === false).length;
  if (uninsured > 0) {
    return {
      key: 'healthInsurance',
      deprived: true,
      reason: text(
        `${uninsured} người từ 6 tuổi trở lên chưa có thẻ bảo hiểm y tế`,
        `${uninsured} people aged 6 or over have no health insurance`,
      ),
    };
  }
  const unknown = inRange.filter((p) => p.healthInsurance === null).length + unknownAge;
  if (unknown > 0) {
    return {
      key: 'healthInsurance',
      deprived: null,
      reason: text(
        `Sổ chưa ghi bảo hiểm y tế hoặc năm sinh của ${unknown} người`,
        `The book lacks health insurance or birth year for ${unknown} people`,
      ),
    };
  }
  return {
    key: 'healthInsurance',
    deprived: false,
    reason: text('Mọi người từ 6 tuổi trở lên đều có bảo hiểm y tế', 'Everyone aged 6 or over is insured'),
  };
}

function housingArea(people: FactPerson[], floorAreaM2: number | null): DerivedIndicator {
  if (floorAreaM2 === null || people.length === 0) {
    return {
      key: 'housingArea',
      deprived: null,
      reason: text('Sổ chưa ghi diện tích nhà ở', 'The book has no floor area'),
    };
  }
  const perPerson = floorAreaM2 / people.length;
  const figures = `${decimal(floorAreaM2)} m² cho ${people.length} người: ${decimal(perPerson)} m²/người`;
  const figuresEn = `${decimal(floorAreaM2)} m² for ${people.length} people: ${decimal(perPerson)} m² each`;
  return perPerson < 8
    ? {
        key: 'housingArea',
        deprived: true,
        reason: text(`${figures} (dưới 8 m²)`, `${figuresEn} (under 8 m²)`),
      }
    : { key: 'housingArea', deprived: false, reason: text(figures, figuresEn) };
}

function housingQuality(facts: BookFacts): DerivedIndicator {
  const parts = [facts.wallDurable, facts.columnDurable, facts.roofDurable];
  const weak = parts.filter((p) => p === false).length;
  const strong = parts.filter((p) => p === true).length;
  if (weak >= 2) {
    return {
      key: 'housingQuality',
      deprived: true,
      reason: text(
        `${weak} trong 3 kết cấu chính (tường, cột, mái) không bền chắc`,
        `${weak} of the 3 main structures (walls, columns, roof) are not durable`,
      ),
    };
  }
  if (strong >= 2) {
    return {
      key: 'housingQuality',
      deprived: false,
      reason: text(
        `${strong} trong 3 kết cấu chính bền chắc`,
        `${strong} of the 3 main structures are durable`,
      ),
    };
  }
  return {
    key: 'housingQuality',
    deprived: null,
    reason: text('Sổ chưa ghi đủ tường, cột, mái', 'The book lacks walls, columns or roof'),
  };
}

function water(source: string | null): DerivedIndicator {
  if (source === null) {
    return {
      key: 'water',
      deprived: null,
      reason: text('Sổ chưa ghi nguồn nước', 'The book has no water source'),
    };
  }
  return cleanWaterSources.has(source as WaterSource)
    ? {
        key: 'water',
        deprived: false,
        reason: text('Dùng nguồn nước hợp vệ sinh', 'Uses a clean water source'),
      }
    : {
        key: 'water',
        deprived: true,
        reason: text('Nguồn nước sinh hoạt chưa hợp vệ sinh', 'The water source is not clean'),
      };
}

function latrine(type: string | null): DerivedIndicator {
  if (type === null) {
    return {
      key: 'latrine',
      deprived: null,
      reason: text('Sổ chưa ghi nhà tiêu', 'The book has no latrine'),
    };
  }
  return hygienicLatrines.has(type as LatrineType)
    ? { key: 'latrine', deprived: false, reason: text('Có nhà tiêu hợp vệ sinh', 'Has a hygienic latrine') }
    : {
        key: 'latrine',
        deprived: true,
        reason: text('Không có nhà tiêu hợp vệ sinh', 'No hygienic latrine'),
      };
}

function telecom(internetUse: boolean | null): DerivedIndicator {
  if (internetUse === null) {
    return {
      key: 'telecom',
      deprived: null,
      reason: text('Sổ chưa ghi sử dụng internet', 'The book lacks internet use'),
    };
  }
  return internetUse
    ? {
        key: 'telecom',
        deprived: false,
        reason: text('Có người sử dụng internet', 'Someone uses the internet'),
      }
    : {
        key: 'telecom',
        deprived: true,
        reason: text('Không ai trong hộ sử dụng internet', 'Nobody in the household uses the internet'),
      };
}

function informationDevices(devices: string[] | null): DerivedIndicator {
  if (devices === null) {
    return {
      key: 'informationDevices',
      deprived: null,
      reason: text('Sổ chưa ghi phương tiện thông tin', 'The book lacks information devices'),
    };
  }
  return devices.length > 0
    ? {
        key: 'informationDevices',
        deprived: false,
        reason: text(`Có ${devices.length} loại phương tiện thông tin`, `${devices.length} kinds of device`),
      }
    : {
        key: 'informationDevices',
        deprived: true,
        reason: text('Không có ti vi, radio, máy tính hay điện thoại', 'No TV, radio, computer or phone'),
      };
}

function childSchooling(year: number, people: FactPerson[]): DerivedIndicator {
  const { inRange: children } = byAge(year, people, 3, 15);
  const out = children.filter((p) => p.inSchool === false).length;
  if (out > 0) {
    return {
      key: 'childSchooling',
      deprived: true,
      reason: text(
        `${out} trẻ từ 3 đến dưới 16 tuổi không đi học`,
        `${out} children aged 3–15 are not in school`,
      ),
    };
  }
  const unknown = children.filter((p) => p.inSchool === null).length;
  if (unknown > 0) {
    return {
      key: 'childSchooling',
      deprived: null,
      reason: text(
        `Sổ chưa ghi việc đi học của ${unknown} trẻ`,
        `The book lacks schooling for ${unknown} children`,
      ),
    };
  }
  return {
    key: 'childSchooling',
    deprived: false,
    reason: text(
      children.length > 0 ? 'Trẻ em trong độ tuổi đều đi học' : 'Hộ không có trẻ từ 3 đến dưới 16 tuổi',
      children.length > 0 ? 'Every child of school age is in school' : 'No children aged 3–15',
    ),
  };
}

/** Below what the age asks: lower secondary by 16, upper secondary or vocational by 18 (an approximation). */
const belowLowerSecondary = new Set(['none', 'preschool', 'primary']);

function adultEducation(year: number, people: FactPerson[]): DerivedIndicator {
  const { inRange: young } = byAge(year, people, 16, 30);
  const behind = young.filter(
    (p) =>
      p.inSchool === false &&
      p.schoolingLevel !== null &&
      (belowLowerSecondary.has(p.schoolingLevel) ||
        (ageIn(year, p)! >= 18 && p.schoolingLevel === 'lower_secondary')),
  ).length;
  if (behind > 0) {
    return {
      key: 'adultEducation',
      deprived: true,
      reason: text(
        `${behind} người từ 16 đến 30 tuổi không đi học và chưa đạt trình độ theo độ tuổi`,
        `${behind} people aged 16–30 are out of school and below the level for their age`,
      ),
    };
  }
  const unknown = young.filter((p) => p.inSchool === null || p.schoolingLevel === null).length;
  if (unknown > 0) {
    return {
      key: 'adultEducation',
      deprived: null,
      reason: text(
        `Sổ chưa ghi trình độ hoặc việc học của ${unknown} người từ 16 đến 30 tuổi`,
        `The book lacks schooling for ${unknown} people aged 16–30`,
      ),
    };
  }
  return {
    key: 'adultEducation',
    deprived: false,
    reason: text(
      'Người từ 16 đến 30 tuổi đạt trình độ theo độ tuổi',
      'People aged 16–30 are at the level for their age',
    ),
  };
}

/** Dependants: under 16, 60 or over, or unable to work (the usual reading). */
function dependants(year: number, people: FactPerson[]): DerivedIndicator {
  if (people.length === 0 || people.some((p) => p.birthYear === null)) {
    return {
      key: 'dependants',
      deprived: null,
      reason: text('Sổ chưa ghi đủ năm sinh', 'The book lacks birth years'),
    };
  }
  const count = people.filter((p) => {
    const age = ageIn(year, p)!;
    return (
      age < 16 ||
      age >= 60 ||
      p.workingCapacity === 'none' ||
      p.disability === 'severe' ||
      p.disability === 'very_severe'
    );
  }).length;
  const figures = `${count}/${people.length} người phụ thuộc (dưới 16 tuổi, từ 60 tuổi, không có khả năng lao động)`;
  const figuresEn = `${count} of ${people.length} are dependants (under 16, 60 or over, unable to work)`;
  return { key: 'dependants', deprived: count * 2 > people.length, reason: text(figures, figuresEn) };
}

function notRecorded(key: PovertyIndicatorKey): DerivedIndicator {
  return {
    key,
    deprived: null,
    reason: text(
      'Sổ theo dõi không ghi thông tin này: xác định khi rà soát',
      'The book does not record this: decide at the review',
    ),
  };
}

/** Every indicator of the year's standard, in the decree's order, from the book's facts. */
export function deriveIndicators(
  standard: PovertyStandard,
  year: number,
  facts: BookFacts,
): DerivedIndicator[] {
  const derived: Partial<Record<PovertyIndicatorKey, DerivedIndicator>> = {
    dependants: dependants(year, facts.people),
    healthInsurance: healthInsurance(year, facts.people),
    adultEducation: adultEducation(year, facts.people),
    childSchooling: childSchooling(year, facts.people),
    housingQuality: housingQuality(facts),
    housingArea: housingArea(facts.people, facts.floorAreaM2),
    water: water(facts.waterSource),
    latrine: latrine(facts.latrineType),
    telecom: telecom(facts.internetUse),
    informationDevices: informationDevices(facts.infoDevices),
  };
  return standard.indicators.map((key) => derived[key] ?? notRecorded(key));
}

export interface ReviewedIndicator extends DerivedIndicator {
  /** The review sheet's answer, when somebody gave one. */
  override: boolean | null;
  /** What counts: the override if given, else the facts; unknown counts as not deprived. */
  counted: boolean;
}

/** The facts with the manual answers laid over them: both are kept, the answer wins. */
export function reviewIndicators(
  derived: DerivedIndicator[],
  overrides: Partial<Record<string, boolean>>,
): ReviewedIndicator[] {
  return derived.map((d) => {
    const override = overrides[d.key] ?? null;
    return { ...d, override, counted: override ?? d.deprived ?? false };
  });
}
