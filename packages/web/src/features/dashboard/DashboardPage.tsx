import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button, Card, Col, DatePicker, Empty, Row, Select, Space, Statistic } from 'antd';
import { FileExcelOutlined, FileTextOutlined, PrinterOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { boundariesOption, todayInVietnam, type Dashboard, type DashboardFigure } from '@caunoi/domain';
import { EChart, type EChartOption } from '../../components/EChart';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { PageTitle } from '../../components/PageTitle';
import { YearShownNote } from '../../components/YearShownNote';
import { formatNumber, formatShare } from '../../format/number';
import type { MessageKey } from '../../i18n/dictionary.vi';
import { useI18n } from '../../i18n/i18n-context';
import { PartyUnitPicker } from '../assignments/PartyUnitPicker';
import { useCurrentUser } from '../auth/current-user';
import { RecordsDrawer } from './RecordsDrawer';
import { PrivacyFiguresPanel } from '../privacy/PrivacyFiguresPanel';
import {
  answeredPeriod,
  askedPeriod,
  dashboardExcelUrl,
  dashboardReportPath,
  useDashboard,
  type Drill,
  type Period,
} from './queries';

/**
 * A unit's figures for a period, as cards and charts; every figure opens the
 * records behind it. The unit and the months live in the address, so a view can be shared;
 * without months the server applies the one default (this year; yearly figures of the
 * latest year with data, said in words), and the drawer, print and Excel ask it the same way.
 */
export default function DashboardPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const unitParam = params.get('unitId');
  const unitId = unitParam && /^\d+$/.test(unitParam) ? Number(unitParam) : user.scopeUnitId;
  const today = todayInVietnam();
  const asked = askedPeriod(params, today);
  const dashboard = useDashboard(unitId, asked);
  // Until the first answer the period is this year's, as the server's fallback.
  const period: Period =
    asked ??
    (dashboard.data
      ? answeredPeriod(dashboard.data)
      : { from: `${today.slice(0, 4)}-01`, to: today.slice(0, 7) });
  const [drill, setDrill] = useState<(Drill & { title: string }) | null>(null);
  const set = (values: Record<string, string | undefined>) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [k, v] of Object.entries(values)) {
        if (v === undefined) next.delete(k);
        else next.set(k, v);
      }
      return next;
    });
  // Today has one structure: the choice of boundaries goes with a period that ended before this month.
  const past = period.to < today.slice(0, 7);

  return (
    <>
      <PageTitle
        title={t('dashboard.title')}
        sub={dashboard.data?.unit.name ?? null}
        extra={
          <Space wrap>
            <Link to={dashboardReportPath(unitId, asked)}>
              <Button icon={<PrinterOutlined />} data-testid="open-dashboard-report">
                {t('dashboard.print')}
              </Button>
            </Link>
            <a href={dashboardExcelUrl(unitId, asked)} download>
              <Button icon={<FileExcelOutlined />} data-testid="dashboard-excel">
                {t('dashboard.excel')}
              </Button>
            </a>
            <Link to={`/reports/model?unitId=${unitId}&from=${period.from}&to=${period.to}`}>
              <Button icon={<FileTextOutlined />} data-testid="open-model-report">
                {t('dashboard.modelReport')}
              </Button>
            </Link>
          </Space>
        }
      />
      <div className="filters">
        <PartyUnitPicker
          value={unitId}
          onChange={(id) => set({ unitId: String(id) })}
          testId="dashboard-unit"
        />
        <DatePicker.RangePicker
          picker="month"
          format="MM/YYYY"
          allowClear={false}
          inputReadOnly
          value={[dayjs(`${period.from}-01`), dayjs(`${period.to}-01`)]}
          onChange={(range) => {
            if (range?.[0] && range[1])
              set({ from: range[0].format('YYYY-MM'), to: range[1].format('YYYY-MM') });
          }}
          aria-label={t('dashboard.periodLabel')}
          data-testid="dashboard-period"
        />
        {past ? (
          <Select
            aria-label={t('dashboard.boundaries')}
            value={period.boundaries ?? 'as_of_date'}
            options={boundariesOption.options.map((b) => ({
              value: b,
              label: t(`dashboard.boundaries.${b}`),
            }))}
            // The months go into the address too, so the choice holds for the period shown.
            onChange={(b) =>
              set({ from: period.from, to: period.to, boundaries: b === 'today' ? b : undefined })
            }
            data-testid="dashboard-boundaries"
          />
        ) : null}
      </div>
      {dashboard.data && dashboard.data.coverage.date < today ? (
        <p className="muted" data-testid="dashboard-boundaries-shown">
          {t(`dashboard.boundariesShown.${dashboard.data.boundaries}`, {
            date: dayjs(dashboard.data.coverage.date).format('DD/MM/YYYY'),
          })}
        </p>
      ) : null}
      {dashboard.isPending ? (
        <LoadingState />
      ) : dashboard.isError ? (
        <ErrorState error={dashboard.error} onRetry={() => void dashboard.refetch()} />
      ) : (
        <DashboardBody d={dashboard.data} onDrill={(next) => setDrill(next)} />
      )}
      {user.role === 'member' ? null : <PrivacyFiguresPanel unitId={unitId} period={period} />}
      <RecordsDrawer
        unitId={unitId}
        period={asked}
        drill={drill && { figure: drill.figure, ...(drill.year !== undefined ? { year: drill.year } : {}) }}
        title={drill?.title ?? ''}
        onClose={() => setDrill(null)}
      />
    </>
  );
}

function FigureCard({
  title,
  value,
  suffix,
  figure,
  onDrill,
}: {
  title: string;
  value: number;
  suffix?: string;
  figure?: DashboardFigure;
  onDrill: (drill: Drill & { title: string }) => void;
}) {
  return (
    <Col xs={12} md={8} lg={6}>
      <Card
        size="small"
        hoverable={figure !== undefined}
        onClick={figure ? () => onDrill({ figure, title }) : undefined}
        data-testid={figure ? `figure-${figure}` : undefined}
      >
        <Statistic title={title} value={formatNumber(value)} suffix={suffix} />
      </Card>
    </Col>
  );
}

function DashboardBody({
  d,
  onDrill,
}: {
  d: Dashboard;
  onDrill: (drill: Drill & { title: string }) => void;
}) {
  const { t } = useI18n();
  const card = (key: MessageKey, value: number, figure?: DashboardFigure, suffix?: string) => (
    <FigureCard key={key} title={t(key)} value={value} figure={figure} suffix={suffix} onDrill={onDrill} />
  );
  const share = (s: { achieved: number; total: number }) => `/ ${formatNumber(s.total)}`;
  const povertyKey = JSON.stringify(d.poverty);
  // The rate of the latest year with a recognised poor household, with its year.
  const latestPoverty = [...d.poverty].reverse().find((y) => y.poor > 0);
  const povertyOption = useMemo((): EChartOption => {
    const years = JSON.parse(povertyKey) as Dashboard['poverty'];
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: years.map((y) => String(y.year)) },
      yAxis: { type: 'value' },
      series: [
        {
          name: t('dashboard.poor'),
          type: 'bar',
          data: years.map((y) => y.poor),
          itemStyle: { color: '#cf1322' },
        },
        {
          name: t('dashboard.nearPoor'),
          type: 'bar',
          data: years.map((y) => y.nearPoor),
          itemStyle: { color: '#fa8c16' },
        },
      ],
    };
  }, [povertyKey, t]);
  const p = d.petitions;
  const petitionOption = useMemo(
    (): EChartOption => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: {
        type: 'category',
        inverse: true,
        data: [t('dashboard.petitionsReceived'), t('dashboard.answeredOnTime'), t('dashboard.answeredLate')],
      },
      series: [
        {
          type: 'bar',
          data: [p.received, p.answeredOnTime, p.answered - p.answeredOnTime],
          itemStyle: { color: '#1677ff' },
        },
      ],
    }),
    [p.received, p.answeredOnTime, p.answered, t],
  );
  const petitionFigures: DashboardFigure[] = [
    'petitionsReceived',
    'petitionsAnsweredOnTime',
    'petitionsAnsweredLate',
  ];
  const petitionTitles: MessageKey[] = [
    'dashboard.petitionsReceived',
    'dashboard.answeredOnTime',
    'dashboard.answeredLate',
  ];
  const y = d.yearly;

  return (
    <div data-testid="dashboard">
      <h3>{t('dashboard.coverageSection', { date: dayjs(d.coverage.date).format('DD/MM/YYYY') })}</h3>
      <Row gutter={[12, 12]} className="section">
        {card('dashboard.households', d.coverage.households, 'households')}
        {card('dashboard.householdsUnassigned', d.coverage.householdsUnassigned, 'householdsUnassigned')}
        {card(
          'dashboard.membersAssigned',
          d.coverage.membersAssigned,
          'membersAssigned',
          `/ ${formatNumber(d.coverage.members)}`,
        )}
      </Row>
      <h3 data-testid="visits-heading">
        {t(d.to < d.visits.asOf ? 'dashboard.visitsSectionPast' : 'dashboard.visitsSection', {
          date: dayjs(d.visits.asOf).format('DD/MM/YYYY'),
        })}
      </h3>
      <Row gutter={[12, 12]} className="section">
        {card(
          'dashboard.visitsOverdue',
          d.visits.overdue,
          'visitsOverdue',
          `/ ${formatNumber(d.visits.households)}`,
        )}
        {card('dashboard.visitsDue', d.visits.due, 'visitsDue')}
      </Row>
      <h3>{t('dashboard.helpSection', { year: d.year })}</h3>
      <YearShownNote shown={d.yearShown} />
      <Row gutter={[12, 12]} className="section">
        {card('dashboard.escapedPoverty', d.help.escapedPoverty, 'escapedPoverty')}
        {card('dashboard.advisedOnBusiness', d.help.advisedOnBusiness, 'advisedOnBusiness')}
        {card('dashboard.helpedToLoan', d.help.helpedToLoan, 'helpedToLoan')}
      </Row>
      <Row gutter={[12, 12]} className="section">
        <Col xs={24} lg={12}>
          <Card
            size="small"
            title={t('dashboard.povertyChart')}
            data-testid="poverty-chart"
            extra={
              latestPoverty && latestPoverty.households > 0 ? (
                <span data-testid="poverty-rate">
                  {t('dashboard.povertyRate', {
                    year: latestPoverty.year,
                    rate: formatShare(latestPoverty.poor, latestPoverty.households),
                    poor: formatNumber(latestPoverty.poor),
                    households: formatNumber(latestPoverty.households),
                  })}
                </span>
              ) : null
            }
          >
            <EChart
              option={povertyOption}
              height={260}
              ariaLabel={t('dashboard.povertyChart')}
              onClick={({ seriesIndex, dataIndex }) => {
                const year = d.poverty[dataIndex]?.year;
                if (year === undefined) return;
                const figure = seriesIndex === 0 ? 'poor' : 'nearPoor';
                onDrill({ figure, year, title: `${t(`dashboard.${figure}`)} ${year}` });
              }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('dashboard.petitionsChart')}>
            {/* An empty period: a sentence instead of bare axes. */}
            {p.received === 0 ? (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={t('dashboard.noPetitions')}
                style={{ height: 260, paddingTop: 60, margin: 0 }}
              />
            ) : (
              <EChart
                option={petitionOption}
                height={260}
                ariaLabel={t('dashboard.petitionsChart')}
                onClick={({ dataIndex }) => {
                  const figure = petitionFigures[dataIndex];
                  if (figure) onDrill({ figure, title: t(petitionTitles[dataIndex]!) });
                }}
              />
            )}
          </Card>
        </Col>
      </Row>
      <h3>{t('dashboard.yearlySection', { year: d.year })}</h3>
      <YearShownNote shown={d.yearShown} />
      <Row gutter={[12, 12]} className="section">
        {card(
          'dashboard.cellsExcellentOrGood',
          y.ratings.cells.excellent + y.ratings.cells.good,
          'cellRatings',
          `/ ${formatNumber(y.ratings.cells.total)}`,
        )}
        {card(
          'dashboard.membersExcellentOrGood',
          y.ratings.members.excellent + y.ratings.members.good,
          'memberRatings',
          `/ ${formatNumber(y.ratings.members.total)}`,
        )}
        {card(
          'dashboard.resolutionIndicators',
          y.targets.resolutionIndicators.achieved,
          'resolutionIndicators',
          share(y.targets.resolutionIndicators),
        )}
        {card(
          'dashboard.newRuralCriteria',
          y.targets.newRuralCriteria.achieved,
          'newRuralCriteria',
          share(y.targets.newRuralCriteria),
        )}
        {card('dashboard.models', y.models.total, 'models')}
        {card(
          'dashboard.cellsWithModel',
          y.householdModel.cellsWithModel,
          'householdModelCells',
          `/ ${formatNumber(y.householdModel.cells)}`,
        )}
      </Row>
    </div>
  );
}
