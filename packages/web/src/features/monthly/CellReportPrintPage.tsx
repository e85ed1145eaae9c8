import { useSearchParams } from 'react-router';
import { Button, Space } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import {
  cellReportParagraphs,
  cellReportSubtitle,
  cellReportTables,
  cellReportTextHeading,
  reportHeaderOf,
  todayInVietnam,
  type CellReport,
} from '@caunoi/domain';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { ReportDocument } from '../../components/print/ReportDocument';
import { useI18n } from '../../i18n/i18n-context';
import { useCurrentUser } from '../auth/current-user';
import { currentMonth } from './MonthSelect';
import { useCellReport } from './queries';

/** The cell's monthly report in the printed layout (print to PDF with the browser). */
export default function CellReportPrintPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const [params] = useSearchParams();
  const month = params.get('month') ?? currentMonth();
  const cellParam = params.get('cellId');
  const cellId = cellParam && /^\d+$/.test(cellParam) ? Number(cellParam) : user.scopeUnitId;
  const report = useCellReport(cellId, month);
  if (report.isPending) return <LoadingState />;
  if (report.isError || !report.data) return <ErrorState error={report.error} />;
  return (
    <>
      <Space className="no-print" style={{ marginBottom: 16 }}>
        <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="report-print">
          {t('monthly.print')}
        </Button>
      </Space>
      <CellReportDocument report={report.data} />
    </>
  );
}

function CellReportDocument({ report }: { report: CellReport }) {
  const header = reportHeaderOf(report.cellName, report.communeName || null);
  // Dated the day it was submitted, in Vietnam (the stored instant is UTC), else today (a draft).
  const date = todayInVietnam(report.submittedAt ? new Date(report.submittedAt) : undefined);
  // The same tables as the Excel file (domain cellReportTables).
  const tables = cellReportTables(report);
  const paragraphs = cellReportParagraphs(report.text);
  // The last part prints on one page with the signature (ReportDocument's closing).
  const parts = [
    ...tables.map((table) => (
      <section key={table.heading}>
        <h3>{table.heading}</h3>
        <table>
          <thead>
            <tr>
              {table.head.map((h) => (
                <th key={h}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, i) => (
              <tr key={i}>
                {row.map((value, j) => (
                  <td key={j}>{value}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    )),
    ...(paragraphs.length > 0
      ? [
          <section key="text">
            <h3>{cellReportTextHeading(tables)}</h3>
            {paragraphs.map((line, i) => (
              <p key={i}>{line}</p>
            ))}
          </section>,
        ]
      : []),
  ];
  return (
    <div data-testid="cell-monthly-report">
      <ReportDocument
        issuer={header.issuer}
        number={`Số: …-${header.numberSuffix}`}
        place={header.place}
        date={date}
        title="BÁO CÁO"
        subtitle={cellReportSubtitle(report)}
        // Signed by the cell's secretary on the report's date (server: cellReportSigner).
        signature={{
          capacity: header.capacity,
          title: 'BÍ THƯ',
          ...(report.signerName ? { name: report.signerName } : {}),
        }}
        recipients={[`Đảng ủy ${report.communeName.replace(/^Đảng bộ /, '')},`, 'Lưu chi bộ.']}
        closing={parts.at(-1)}
      >
        {parts.slice(0, -1)}
      </ReportDocument>
    </div>
  );
}
