import { z } from 'zod';
import { coverageFigures, coverageUnit } from '../assignments/coverage.schema.js';
import { isoDate } from '../common/dates.js';
import { yearlyFigures } from '../yearly/yearly-figures.schema.js';

/** Households of one category and how many of them need help (the report's "56 hộ nghèo / 30 hộ cần giúp đỡ"). */
const category = z.object({ households: z.number().int(), needingHelp: z.number().int() });

export const householdCategories = z.object({
  poor: category,
  nearPoor: category,
  average: category,
  /** Policy families (gia đình chính sách), whatever their poverty status. */
  policy: category,
});
export type HouseholdCategories = z.infer<typeof householdCategories>;

/**
 * The report on the "members follow households" model for a unit and year,
 * as the 2023 Giồng Riềng report sets it out: households by category, the
 * model's reach, who follows whom per hamlet cell, outcomes, ratings and targets.
 * Every total is computed from the records; `notes` say so where it matters.
 */
export const modelReport = z.object({
  unit: coverageUnit,
  /** The issuing committee's superior, for the header (e.g. "Đảng bộ huyện Giồng Riềng"); null at the top. */
  parentName: z.string().nullable(),
  year: z.number().int(),
  /** The date the coverage figures are taken on: the year's last day, or today within the current year. */
  asOf: isoDate,
  categories: householdCategories,
  coverage: coverageFigures,
  /** One row per cell (commune) or committee (above), with its categories. */
  rows: z.array(coverageFigures.extend({ unit: coverageUnit, categories: householdCategories })),
  outcomes: z.object({
    escapedPoverty: z.number().int(),
    escapedNearPoverty: z.number().int(),
    advisedOnBusiness: z.number().int(),
    helpedToLoan: z.number().int(),
    loanAmount: z.number().int(),
  }),
  yearly: yearlyFigures,
  notes: z.array(z.string()),
});
export type ModelReport = z.infer<typeof modelReport>;

export const reportKinds = ['model'] as const;

export const startReportJobInput = z.strictObject({
  report: z.enum(reportKinds),
  unitId: z.number().int().positive(),
  year: z.number().int().min(2000).max(2100),
});
export type StartReportJobInput = z.infer<typeof startReportJobInput>;

export const reportJob = z.object({
  id: z.uuid(),
  report: z.enum(reportKinds),
  state: z.enum(['running', 'done', 'failed']),
  /** 0–1, by chunks of cells processed. */
  progress: z.number().min(0).max(1),
  result: modelReport.nullable(),
  /** An error code when failed (never personal data). */
  error: z.string().nullable(),
});
export type ReportJob = z.infer<typeof reportJob>;

export const reportJobParams = z.strictObject({ id: z.uuid() });

/**
 * The header lines of a committee's report from its unit's name: "Đảng bộ xã Thạnh Lộc" issues as
 * "ĐẢNG ỦY XÃ THẠNH LỘC" (the committee speaks for the party organisation) under "ĐẢNG BỘ HUYỆN …",
 * and the place on the date line is the commune's own name ("Thạnh Lộc").
 */
export function reportHeaderOf(
  unitName: string,
  parentName: string | null,
): { issuer: string[]; place: string; numberSuffix: string; capacity: string } {
  const isCell = /^chi bộ/i.test(unitName);
  const issuerMain = isCell ? unitName : unitName.replace(/^Đảng bộ/i, 'Đảng ủy');
  const place = unitName.replace(
    /^(Đảng bộ|Chi bộ|Đảng ủy)\s+(xã|phường|thị trấn|huyện|tỉnh|ấp|khu phố)?\s*/i,
    '',
  );
  return {
    issuer: [...(parentName ? [parentName.toLocaleUpperCase('vi')] : []), issuerMain.toLocaleUpperCase('vi')],
    place,
    numberSuffix: isCell ? 'BC/CB' : 'BC/ĐU',
    capacity: isCell ? 'T/M CHI BỘ' : 'T/M ĐẢNG ỦY',
  };
}

export const reportHeaderQuery = z.strictObject({ unitId: z.coerce.number().int().positive() });
export type ReportHeaderQuery = z.infer<typeof reportHeaderQuery>;

/** What a printed report's header needs of its unit: its name and its superior's (null at the top). */
export const reportHeaderUnits = z.object({
  unitId: z.number().int(),
  unitName: z.string(),
  parentName: z.string().nullable(),
});
export type ReportHeaderUnits = z.infer<typeof reportHeaderUnits>;
