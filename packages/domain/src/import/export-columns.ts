import { z } from 'zod';
import { importSheets } from './import-sheets.js';

/**
 * Columns of a household list export. The editable ones carry the import
 * template's keys and labels, so an exported list can be edited and imported
 * back; the others (names) are for reading and are skipped by an import.
 */
export const householdExportColumns = [
  'code',
  'head_name',
  'address',
  'cell_code',
  'cell_name',
  'hamlet_code',
  'hamlet_name',
  'people_count',
  'poverty_status',
  'poverty_year',
  'needs_help',
  'policy_family',
  'monthly_income',
  'member_code',
  'member_name',
] as const;
export type HouseholdExportColumn = (typeof householdExportColumns)[number];

const readOnlyLabels: Partial<Record<HouseholdExportColumn, { vi: string; en: string }>> = {
  cell_name: { vi: 'Chi bộ', en: 'Cell' },
  hamlet_name: { vi: 'Ấp', en: 'Hamlet' },
  member_code: { vi: 'Mã đảng viên phụ trách', en: 'Assigned member code' },
  member_name: { vi: 'Đảng viên phụ trách', en: 'Assigned member' },
};

export const householdExportLabels = Object.fromEntries(
  householdExportColumns.map((key) => {
    const column = importSheets.households.columns.find((c) => c.key === key);
    return [key, column ? { vi: column.vi, en: column.en } : readOnlyLabels[key]!];
  }),
) as Record<HouseholdExportColumn, { vi: string; en: string }>;

/** The columns a list opens with when the user has not picked any. */
export const defaultHouseholdExportColumns: readonly HouseholdExportColumn[] = [
  'code',
  'head_name',
  'address',
  'cell_name',
  'people_count',
  'poverty_status',
  'needs_help',
  'member_name',
];

export const householdExportQuery = z.strictObject({
  /** Comma-separated column keys, in the order wanted. */
  columns: z
    .string()
    .max(1000)
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(householdExportColumns)).min(1).max(householdExportColumns.length))
    .optional(),
});
export type HouseholdExportQuery = z.infer<typeof householdExportQuery>;
