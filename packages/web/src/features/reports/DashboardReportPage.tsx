import { useSearchParams } from 'react-router';
import { Button, Space } from 'antd';
import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import {
  dashboardSubtitle,
  dashboardTables,
  reportHeaderOf,
  todayInVietnam,
  type Dashboard,
} from '@caunoi/domain';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { PageTitle } from '../../components/PageTitle';
import { ReportDocument } from '../../components/print/ReportDocument';
import { ReportTableView } from '../../components/print/ReportTableView';
import { useI18n } from '../../i18n/i18n-context';
import { useCurrentUser } from '../auth/current-user';
import { askedPeriod, dashboardExcelUrl, useDashboard } from '../dashboard/queries';

/**
 * The dashboard of a unit and period in the printed layout (party header,
 * issuing committee, date line, tables, signature): print to PDF with the
 * browser, or download the same tables as Excel. The unit and months come
 * from the address the dashboard links here with; without months, the
 * latest year with figures, as on the dashboard.
 */
export default function DashboardReportPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const [params] = useSearchParams();
  const unitParam = params.get('unitId');
  const unitId = unitParam && /^\d+$/.test(unitParam) ? Number(unitParam) : user.scopeUnitId;
  const asked = askedPeriod(params, todayInVietnam());
  const dashboard = useDashboard(unitId, asked);
  const d = dashboard.data;

  return (
    <>
      <div className="no-print">
        <PageTitle
          title={t('dashboard.reportTitle')}
          sub={d?.unit.name ?? null}
          extra={
            <Space wrap>
              <Button
                icon={<PrinterOutlined />}
                disabled={!d}
                onClick={() => window.print()}
                data-testid="report-print"
              >
                {t('report.print')}
              </Button>
              <a href={dashboardExcelUrl(unitId, asked)} download>
                <Button icon={<FileExcelOutlined />} data-testid="report-excel">
                  {t('report.excel')}
                </Button>
              </a>
            </Space>
          }
        />
        {dashboard.isPending ? <LoadingState /> : null}
        {dashboard.isError ? (
          <ErrorState error={dashboard.error} onRetry={() => void dashboard.refetch()} />
        ) : null}
      </div>
      {d ? <DashboardDocument d={d} /> : null}
    </>
  );
}

function DashboardDocument({ d }: { d: Dashboard }) {
  const header = reportHeaderOf(d.unit.name, d.parentName);
  return (
    <div data-testid="dashboard-report">
      <ReportDocument
        issuer={header.issuer}
        number={`Số: …-${header.numberSuffix}`}
        place={header.place}
        date={todayInVietnam()}
        title="BÁO CÁO SỐ LIỆU"
        subtitle={dashboardSubtitle(d.from, d.to, d.boundaries)}
        signature={{ capacity: header.capacity, title: 'BÍ THƯ' }}
        recipients={[
          ...(d.parentName ? [`Ban Thường vụ ${d.parentName.replace(/^Đảng bộ /, '')},`] : []),
          'Lưu VP.',
        ]}
      >
        {dashboardTables(d).map((table) => (
          <ReportTableView key={table.heading} table={table} />
        ))}
      </ReportDocument>
    </div>
  );
}
