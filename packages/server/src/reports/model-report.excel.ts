import { modelReportTables, type ModelReport } from '@caunoi/domain';
import { reportWorkbook } from './report-workbook.js';

/** The model report as a workbook in the printed layout, with the same tables as the printable page. */
export async function modelReportWorkbook(report: ModelReport, date: string): Promise<Buffer> {
  return reportWorkbook({
    sheetName: 'Báo cáo mô hình',
    unitName: report.unit.name,
    parentName: report.parentName,
    date,
    title: 'BÁO CÁO',
    subtitle: `Kết quả thực hiện mô hình đảng viên phụ trách hộ gia đình năm ${report.year}`,
    tables: modelReportTables(report),
    notes: report.notes,
  });
}
