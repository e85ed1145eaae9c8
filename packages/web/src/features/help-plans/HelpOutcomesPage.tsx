import { Alert, Card, Col, Row, Select, Space, Statistic, Table, Tag } from 'antd';
import { useSearchParams } from 'react-router';
import { povertyCauseLabels, todayInVietnam, type HelpOutcomeFigures } from '@caunoi/domain';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { LoadMore } from '../../components/LoadMore';
import { PageTitle } from '../../components/PageTitle';
import { YearShownNote } from '../../components/YearShownNote';
import { PrintableLink } from '../reports/PrintableLink';
import { RecordList } from '../../components/RecordList';
import { formatNumber } from '../../format/number';
import { useI18n } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/dictionary.vi';
import { useCurrentUser } from '../auth/current-user';
import { useHelpOutcomes, useHelpPlanList } from './queries';

const figures: [keyof HelpOutcomeFigures, MessageKey][] = [
  ['escapedPoverty', 'help.escapedPoverty'],
  ['escapedNearPoverty', 'help.escapedNearPoverty'],
  ['advisedOnBusiness', 'help.advisedOnBusiness'],
  ['helpedToLoan', 'help.helpedToLoan'],
  ['loanAmount', 'help.loanTotal'],
  ['helpedByDonors', 'help.helpedByDonors'],
  ['donationAmount', 'help.donationTotal'],
  ['housesBuilt', 'help.housesBuilt'],
  ['peopleTrained', 'help.peopleTrained'],
  ['peoplePlacedInJobs', 'help.peoplePlaced'],
];

/** The last eight years, and the year shown when it is older. */
function yearOptions(thisYear: number, shown: number | undefined): number[] {
  const years = Array.from({ length: 8 }, (_, i) => thisYear - i);
  return shown !== undefined && !years.includes(shown) ? [...years, shown] : years;
}

/** What the help achieved in a unit and year, cell by cell, and the plans behind it. */
export default function HelpOutcomesPage() {
  const { t, label } = useI18n();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const thisYear = Number(todayInVietnam().slice(0, 4));
  const yearParam = params.get('year');
  // Without a year in the address the server picks it by the one rule and says why.
  const asked = yearParam && /^\d{4}$/.test(yearParam) ? Number(yearParam) : undefined;
  const unitId = Number(params.get('unitId') ?? user.scopeUnitId);
  const outcomes = useHelpOutcomes(unitId, asked);
  const year = asked ?? outcomes.data?.year;
  const plans = useHelpPlanList(unitId);

  const setYear = (value: number) => {
    const next = new URLSearchParams(params);
    next.set('year', String(value));
    setParams(next, { replace: true });
  };

  let body;
  if (outcomes.isPending) body = <LoadingState />;
  else if (outcomes.isError)
    body = <ErrorState error={outcomes.error} onRetry={() => void outcomes.refetch()} />;
  else {
    const o = outcomes.data;
    body = (
      <>
        <YearShownNote shown={o.yearShown} />
        <p className="muted">{o.unitName}</p>
        <Row gutter={[12, 12]} className="section" data-testid="help-outcomes">
          {figures.map(([key, title]) => (
            <Col key={key} xs={12} md={6}>
              <Card size="small">
                <Statistic title={t(title)} value={formatNumber(o[key])} data-testid={`outcome-${key}`} />
              </Card>
            </Col>
          ))}
        </Row>
        <Table
          size="small"
          className="section"
          rowKey="cellId"
          pagination={false}
          scroll={{ x: 900 }}
          dataSource={o.byCell}
          columns={[
            { key: 'cell', title: t('visits.cell'), dataIndex: 'cellName', fixed: 'left', width: 180 },
            ...figures.map(([key, title]) => ({
              key,
              title: t(title),
              align: 'right' as const,
              render: (_: unknown, row: HelpOutcomeFigures) => formatNumber(row[key]),
            })),
          ]}
        />
        <Alert type="info" showIcon className="section" title={t('help.outcomesHelp')} />
      </>
    );
  }

  const items = plans.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageTitle
        title={t('help.outcomesTitle')}
        extra={
          <Space wrap>
            <PrintableLink kind="help" params={{ unitId, year }} />
            <Select
              value={year}
              onChange={setYear}
              style={{ width: 110 }}
              aria-label={t('help.year')}
              options={yearOptions(thisYear, year).map((y) => ({
                value: y,
                label: String(y),
              }))}
              data-testid="outcomes-year"
            />
          </Space>
        }
      />
      {body}
      <Card size="small" title={t('help.plansTitle')} className="section">
        <RecordList
          empty={t('help.plansEmpty')}
          loading={plans.isPending}
          items={items.map((p) => ({
            key: p.id,
            href: `/households/${p.householdId}`,
            title: p.headName,
            extra: p.targetYear ? String(p.targetYear) : undefined,
            testId: 'help-plan-row',
            lines: [
              `${p.householdCode} · ${p.cellName}`,
              <span key="causes">
                {p.causes.map((c) => (
                  <Tag key={c}>{label(povertyCauseLabels[c])}</Tag>
                ))}
              </span>,
              t('help.progress', {
                planned: p.actionsPlanned,
                inProgress: p.actionsInProgress,
                done: p.actionsDone,
              }),
            ],
          }))}
        />
        <LoadMore
          shown={items.length}
          hasMore={plans.hasNextPage}
          loading={plans.isFetchingNextPage}
          onMore={() => void plans.fetchNextPage()}
        />
      </Card>
    </>
  );
}
