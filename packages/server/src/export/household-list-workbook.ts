import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  householdExportLabels,
  povertyStatusLabels,
  type HouseholdExportColumn,
  type PovertyStatus,
} from '@caunoi/domain';
import type { HouseholdListRow } from './household-list.repository.js';

const widths: Partial<Record<HouseholdExportColumn, number>> = {
  code: 16,
  head_name: 26,
  address: 34,
  cell_name: 26,
  hamlet_name: 20,
  member_name: 26,
  poverty_status: 24,
  monthly_income: 18,
};

/** A cell as a person reads it, and as the import reads it back: labels, có/không, whole đồng. */
function cellValue(row: HouseholdListRow, column: HouseholdExportColumn): string | number | null {
  switch (column) {
    case 'poverty_status':
      return povertyStatusLabels[row.poverty_status as PovertyStatus]?.vi ?? row.poverty_status;
    case 'needs_help':
    case 'policy_family':
      return row[column] === 1 ? 'có' : 'không';
    default:
      return row[column];
  }
}

/**
 * Writes a household list as it is read (the rows come page by page), with
 * the template's Vietnamese labels in the first row: the import recognises
 * them, so an exported list can be corrected and imported back.
 */
export async function householdListWorkbook(
  title: string,
  columns: readonly HouseholdExportColumn[],
  pages: AsyncIterable<HouseholdListRow[]>,
): Promise<{ bytes: Buffer; rows: number }> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useSharedStrings: false,
    useStyles: true,
  });
  workbook.creator = 'Cầu Nối';
  workbook.title = title;
  const sheet = workbook.addWorksheet('households', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((key) => ({
    key,
    header: householdExportLabels[key].vi,
    width: widths[key] ?? 14,
    ...(key === 'monthly_income' ? { style: { numFmt: '#,##0' } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let rows = 0;
  for await (const page of pages) {
    for (const row of page) {
      sheet.addRow(columns.map((column) => cellValue(row, column))).commit();
      rows++;
    }
  }
  sheet.commit();
  await workbook.commit();
  return { bytes: Buffer.concat(chunks), rows };
}
