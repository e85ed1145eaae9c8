import { useQuery } from '@tanstack/react-query';
import {
  coverageReportTables,
  helpOutcomeTables,
  petitionFigureTables,
  povertyReviewTables,
  visitCoverageTables,
  type CoverageReport,
  type FigureReport,
  type HelpOutcomes,
  type PetitionFigures,
  type PovertyReview,
  type ReportHeaderUnits,
  type VisitCoverage,
} from '@caunoi/domain';
import { api, queryString } from '../../api/client';

/** The figure pages that print: each reads its page's own answer and draws the domain's tables. */
export const figureReportKinds = ['coverage', 'visits', 'help', 'petitions', 'poverty'] as const;
export type FigureReportKind = (typeof figureReportKinds)[number];

type Params = Record<string, string | number | undefined>;

interface Source {
  /** The JSON the page itself shows. */
  json: (p: Params) => string;
  /** The Excel file of the same tables (or of the page, where it had one first). */
  excel: (p: Params) => string;
  tables: (answer: never) => FigureReport;
  unitIdOf: (answer: never) => number;
  /** The parameters each kind reads from the address. */
  keys: string[];
}

const sources: Record<FigureReportKind, Source> = {
  coverage: {
    json: (p) => `/coverage${queryString(p)}`,
    excel: (p) => `/api/v1/coverage.xlsx${queryString(p)}`,
    tables: (a: CoverageReport) => coverageReportTables(a),
    unitIdOf: (a: CoverageReport) => a.unit.id,
    keys: ['unitId', 'date', 'boundaries'],
  },
  visits: {
    json: (p) => `/visit-coverage${queryString(p)}`,
    excel: (p) => `/api/v1/visit-coverage.xlsx${queryString(p)}`,
    tables: (a: VisitCoverage) => visitCoverageTables(a),
    unitIdOf: (a: VisitCoverage) => a.unitId,
    keys: ['unitId', 'groupBy'],
  },
  help: {
    json: (p) => `/help-outcomes${queryString(p)}`,
    excel: (p) => `/api/v1/help-outcomes.xlsx${queryString(p)}`,
    tables: (a: HelpOutcomes) => helpOutcomeTables(a),
    unitIdOf: (a: HelpOutcomes) => a.unitId,
    keys: ['unitId', 'year'],
  },
  petitions: {
    json: (p) => `/petitions/figures${queryString(p)}`,
    excel: (p) => `/api/v1/petitions/figures.xlsx${queryString(p)}`,
    tables: (a: PetitionFigures) => petitionFigureTables(a),
    unitIdOf: (a: PetitionFigures) => a.unitId,
    keys: ['unitId', 'from', 'to'],
  },
  poverty: {
    json: (p) => `/poverty/review${queryString(p)}`,
    excel: (p) => `/api/v1/poverty/review.xlsx${queryString(p)}`,
    tables: (a: PovertyReview) => povertyReviewTables(a),
    unitIdOf: (a: PovertyReview) => a.unitId,
    keys: ['unitId', 'year'],
  },
};

export function figureReportParams(kind: FigureReportKind, search: URLSearchParams): Params {
  const params: Params = {};
  for (const key of sources[kind].keys) {
    const value = search.get(key);
    if (value !== null && /^[\w-]+$/.test(value)) params[key] = value;
  }
  return params;
}

export const figureReportExcelUrl = (kind: FigureReportKind, params: Params) => sources[kind].excel(params);

/** The page's answer as report tables, with the unit's name and its superior's for the header. */
export function useFigureReport(kind: FigureReportKind, params: Params) {
  return useQuery({
    queryKey: ['reports', 'figures', kind, params],
    queryFn: async ({ signal }) => {
      const source = sources[kind];
      const answer = await api.get<never>(source.json(params), signal);
      const header = await api.get<ReportHeaderUnits>(
        `/reports/header${queryString({ unitId: source.unitIdOf(answer) })}`,
        signal,
      );
      return { report: source.tables(answer), unitName: header.unitName, parentName: header.parentName };
    },
  });
}
