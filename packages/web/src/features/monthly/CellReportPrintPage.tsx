import { useSearchParams } from 'react-router';
import { Button, Space } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { reportHeaderOf, todayInVietnam, type CellReport } from '@caunoi/domain';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { ReportDocument } from '../../components/print/ReportDocument';
import { useI18n } from '../../i18n/i18n-context';
import { useCurrentUser } from '../auth/current-user';
import { cellFigureRows } from './MonthFigures';
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
  const { t } = useI18n();
  const header = reportHeaderOf(report.cellName, report.communeName || null);
  const monthText = `${Number(report.month.slice(5, 7))}/${report.month.slice(0, 4)}`;
  // Dated the day it was submitted, in Vietnam (the stored instant is UTC), else today (a draft).
  const date = todayInVietnam(report.submittedAt ? new Date(report.submittedAt) : undefined);
  const notYet = report.members.filter((m) => m.state !== 'submitted');
  return (
    <div data-testid="cell-monthly-report">
      <ReportDocument
        issuer={header.issuer}
        number={`Số: …-${header.numberSuffix}`}
        place={header.place}
        date={date}
        title="BÁO CÁO"
        subtitle={t('monthly.printSubtitle', { month: monthText, cell: report.cellName })}
        signature={{ capacity: header.capacity, title: 'BÍ THƯ' }}
        recipients={[`Đảng ủy ${report.communeName.replace(/^Đảng bộ /, '')},`, 'Lưu chi bộ.']}
      >
        <h3>I. Kết quả thực hiện nhiệm vụ trong tháng</h3>
        <table>
          <thead>
            <tr>
              <th>Stt</th>
              <th>Nội dung</th>
              <th>Kết quả</th>
            </tr>
          </thead>
          <tbody>
            {cellFigureRows(report.figures, t).map((row, i) => (
              <tr key={row.label}>
                <td>{i + 1}</td>
                <td>{row.label}</td>
                <td>{row.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3>II. Đánh giá chung</h3>
        {report.text.split('\n').map((line, i) => (
          <p key={i}>{line}</p>
        ))}
        <h3>III. Báo cáo của đảng viên</h3>
        <p>
          {report.figures.membersReported}/{report.figures.members} đảng viên đã gửi báo cáo tháng
          {notYet.length > 0 ? `; chưa gửi: ${notYet.map((m) => m.memberName).join(', ')}.` : '.'}
        </p>
        {report.lateChanges.length > 0 ? (
          <>
            <h3>IV. Số liệu thay đổi sau khi duyệt</h3>
            <p>
              {report.lateChanges.length} thay đổi:{' '}
              {report.lateChanges
                .map((c) => `${c.entity} ngày ${c.recordDate} (${c.actorName ?? ''})`)
                .join('; ')}
              .
            </p>
          </>
        ) : null}
      </ReportDocument>
    </div>
  );
}
