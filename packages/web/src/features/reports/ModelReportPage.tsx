import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, Button, Progress, Select, Space } from 'antd';
import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { modelReportTables, reportHeaderOf, todayInVietnam, type ModelReport } from '@caunoi/domain';
import { ErrorState } from '../../components/ErrorState';
import { PageTitle } from '../../components/PageTitle';
import { ReportDocument } from '../../components/print/ReportDocument';
import { ReportTableView } from '../../components/print/ReportTableView';
import { useI18n } from '../../i18n/i18n-context';
import { PartyUnitPicker } from '../assignments/PartyUnitPicker';
import { useCurrentUser } from '../auth/current-user';
import { reportExcelUrl, useReportJob, useStartReportJob } from './queries';

const thisYear = Number(todayInVietnam().slice(0, 4));
const years = Array.from({ length: thisYear - 2019 }, (_, i) => thisYear - i);

/**
 * The model report of a unit and year, built as a job on the server (progress
 * bar while it runs), then shown in the printable layout: print to PDF with
 * the browser, or download the same tables as Excel.
 */
export default function ModelReportPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const unitParam = params.get('unitId');
  const unitId = unitParam && /^\d+$/.test(unitParam) ? Number(unitParam) : user.scopeUnitId;
  const yearParam = Number(params.get('year') ?? params.get('to')?.slice(0, 4));
  const year = Number.isInteger(yearParam) && yearParam >= 2000 ? yearParam : thisYear;
  const start = useStartReportJob();
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useReportJob(jobId);
  const started = useRef('');

  // One job per unit and year shown; a change of either starts a new one.
  useEffect(() => {
    const key = `${unitId}:${year}`;
    if (started.current === key) return;
    started.current = key;
    setJobId(null);
    start.mutate({ report: 'model', unitId, year }, { onSuccess: (created) => setJobId(created.id) });
  }, [unitId, year, start]);

  const set = (key: string, value: string) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      next.set(key, value);
      next.delete('from');
      next.delete('to');
      return next;
    });
  const data = job.data;
  const report = data?.state === 'done' ? data.result : null;

  return (
    <>
      <div className="no-print">
        <PageTitle
          title={t('report.title')}
          extra={
            <Space wrap>
              <Button
                icon={<PrinterOutlined />}
                disabled={!report}
                onClick={() => window.print()}
                data-testid="report-print"
              >
                {t('report.print')}
              </Button>
              <a href={jobId && report ? reportExcelUrl(jobId) : undefined} download>
                <Button icon={<FileExcelOutlined />} disabled={!report} data-testid="report-excel">
                  {t('report.excel')}
                </Button>
              </a>
            </Space>
          }
        />
        <div className="filters">
          <PartyUnitPicker value={unitId} onChange={(id) => set('unitId', String(id))} testId="report-unit" />
          <Select
            aria-label={t('ratings.year')}
            value={year}
            onChange={(y) => set('year', String(y))}
            options={years.map((y) => ({ value: y, label: `${t('ratings.year')} ${y}` }))}
            style={{ minWidth: 120 }}
          />
        </div>
        {start.isError ? <ErrorState error={start.error} /> : null}
        {job.isError ? <ErrorState error={job.error} /> : null}
        {data?.state === 'failed' ? <Alert type="error" message={data.error ?? 'INTERNAL'} /> : null}
        {!report && !start.isError && data?.state !== 'failed' ? (
          <div className="section" data-testid="report-progress">
            <span className="muted">{t('report.progress')}</span>
            <Progress percent={Math.round((data?.progress ?? 0) * 100)} />
          </div>
        ) : null}
      </div>
      {report ? <ModelReportDocument report={report} /> : null}
    </>
  );
}

function ModelReportDocument({ report }: { report: ModelReport }) {
  const header = reportHeaderOf(report.unit.name, report.parentName);
  const tables = modelReportTables(report);
  return (
    <div data-testid="model-report">
      <ReportDocument
        issuer={header.issuer}
        number={`Số: …-${header.numberSuffix}`}
        place={header.place}
        date={todayInVietnam()}
        title="BÁO CÁO"
        subtitle={`Kết quả thực hiện mô hình đảng viên phụ trách hộ gia đình năm ${report.year}`}
        signature={{ capacity: header.capacity, title: 'BÍ THƯ' }}
        recipients={[
          ...(report.parentName ? [`Ban Thường vụ ${report.parentName.replace(/^Đảng bộ /, '')},`] : []),
          'Các chi bộ trực thuộc,',
          'Lưu VP.',
        ]}
      >
        {tables.map((table, i) => (
          <div key={table.heading} className={i === 2 ? 'report-page-break' : undefined}>
            <ReportTableView table={table} />
          </div>
        ))}
        <h3>Ghi chú</h3>
        {report.notes.map((note) => (
          <p key={note}>{note}</p>
        ))}
      </ReportDocument>
    </div>
  );
}
