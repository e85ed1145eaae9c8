import { useParams, useSearchParams } from 'react-router';
import { Button, Space } from 'antd';
import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { reportHeaderOf, todayInVietnam } from '@caunoi/domain';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { PageTitle } from '../../components/PageTitle';
import { ReportDocument } from '../../components/print/ReportDocument';
import { ReportTableView } from '../../components/print/ReportTableView';
import { useI18n } from '../../i18n/i18n-context';
import { useCurrentUser } from '../auth/current-user';
import NotFoundPage from '../../app/NotFoundPage';
import {
  figureReportExcelUrl,
  figureReportKinds,
  figureReportParams,
  useFigureReport,
  type FigureReportKind,
} from './figure-report-queries';

/**
 * A figure page (coverage, visits, help outcomes, petitions) in the printed
 * layout: the page's own answer drawn as the domain's tables inside the party
 * document frame; print to PDF with the browser or download the same as Excel.
 */
export default function FigureReportPage() {
  const { kind } = useParams();
  if (!figureReportKinds.includes(kind as FigureReportKind)) return <NotFoundPage />;
  return <FigureReport kind={kind as FigureReportKind} />;
}

function FigureReport({ kind }: { kind: FigureReportKind }) {
  const { t } = useI18n();
  const [search] = useSearchParams();
  const user = useCurrentUser();
  // Without a unit in the address, the user's own (as on the figure pages themselves).
  const params = { unitId: user.scopeUnitId, ...figureReportParams(kind, search) };
  const figures = useFigureReport(kind, params);
  const data = figures.data;
  const header = data ? reportHeaderOf(data.unitName, data.parentName) : null;

  return (
    <>
      <div className="no-print">
        <PageTitle
          title={t('report.printableTitle')}
          sub={data?.unitName ?? null}
          extra={
            <Space wrap>
              <Button
                icon={<PrinterOutlined />}
                disabled={!data}
                onClick={() => window.print()}
                data-testid="report-print"
              >
                {t('report.print')}
              </Button>
              <a href={figureReportExcelUrl(kind, params)} download>
                <Button icon={<FileExcelOutlined />} data-testid="report-excel">
                  {t('report.excel')}
                </Button>
              </a>
            </Space>
          }
        />
        {figures.isPending ? <LoadingState /> : null}
        {figures.isError ? <ErrorState error={figures.error} onRetry={() => void figures.refetch()} /> : null}
      </div>
      {data && header ? (
        <div data-testid="figure-report">
          <ReportDocument
            issuer={header.issuer}
            number={`Số: …-${header.numberSuffix}`}
            place={header.place}
            date={todayInVietnam()}
            title="BÁO CÁO"
            subtitle={data.report.subtitle}
            signature={{ capacity: header.capacity, title: 'BÍ THƯ' }}
            recipients={[
              ...(data.parentName ? [`Ban Thường vụ ${data.parentName.replace(/^Đảng bộ /, '')},`] : []),
              'Lưu VP.',
            ]}
          >
            {data.report.tables.map((table) => (
              <ReportTableView key={table.heading} table={table} />
            ))}
          </ReportDocument>
        </div>
      ) : null}
    </>
  );
}
