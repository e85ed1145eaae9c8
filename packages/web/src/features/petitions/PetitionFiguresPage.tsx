import type { ReactNode } from 'react';
import { Button, Card, Col, DatePicker, Row, Space, Statistic, Table, Tag } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import { todayInVietnam, type PetitionFigures, formatRatio } from '@caunoi/domain';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { PageTitle } from '../../components/PageTitle';
import { PrintableLink } from '../reports/PrintableLink';
import { formatDate } from '../../format/date';
import { formatNumber } from '../../format/number';
import type { MessageKey } from '../../i18n/dictionary.vi';
import { useI18n } from '../../i18n/i18n-context';
import { useCurrentUser } from '../auth/current-user';
import { PetitionCategoryChart } from './PetitionCategoryChart';
import { PetitionSettingsCard } from './PetitionSettingsCard';
import { figuresExcelUrl, usePetitionFigures } from './queries';

const isoDate = (value: string | null) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined);
const share = (value: number | null) => (value === null ? '–' : formatRatio(value));

/** The figures of a unit over a period, a chart by category, the cells in a table, and the Excel file. */
export default function PetitionFiguresPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const unitParam = params.get('unitId');
  const today = todayInVietnam();
  const query = {
    unitId: unitParam && /^\d+$/.test(unitParam) ? Number(unitParam) : user.scopeUnitId,
    from: isoDate(params.get('from')) ?? `${today.slice(0, 4)}-01-01`,
    to: isoDate(params.get('to')) ?? today,
  };
  const figures = usePetitionFigures(query);
  const setPeriod = (from: string, to: string) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      next.set('from', from);
      next.set('to', to);
      return next;
    });

  return (
    <>
      <PageTitle
        title={t('petitions.figuresTitle')}
        sub={figures.data ? <Tag>{figures.data.unitName}</Tag> : null}
        extra={
          <Space wrap>
            <PrintableLink kind="petitions" params={query} />
            <a href={figuresExcelUrl(query)} download data-testid="figures-excel">
              <Button icon={<FileExcelOutlined />}>{t('petitions.exportExcel')}</Button>
            </a>
          </Space>
        }
      />
      <div className="filters">
        <DatePicker.RangePicker
          format="DD/MM/YYYY"
          allowClear={false}
          inputReadOnly
          value={[dayjs(query.from), dayjs(query.to)]}
          onChange={(range) => {
            if (range?.[0] && range[1])
              setPeriod(range[0].format('YYYY-MM-DD'), range[1].format('YYYY-MM-DD'));
          }}
          data-testid="figures-period"
        />
      </div>
      {figures.isPending ? (
        <LoadingState />
      ) : figures.isError ? (
        <ErrorState error={figures.error} onRetry={() => void figures.refetch()} />
      ) : (
        <FiguresBody figures={figures.data} />
      )}
      {user.role === 'member' ? null : <PetitionSettingsCard unitId={query.unitId} />}
    </>
  );
}

function FiguresBody({ figures }: { figures: PetitionFigures }) {
  const { t } = useI18n();
  const list = `/petitions?unitId=${figures.unitId}`;
  const cards: { key: string; title: MessageKey; value: ReactNode; href?: string; color?: string }[] = [
    { key: 'received', title: 'petitions.received', value: formatNumber(figures.received), href: list },
    { key: 'answered', title: 'petitions.answered', value: formatNumber(figures.answered) },
    { key: 'answeredOnTime', title: 'petitions.answeredOnTime', value: formatNumber(figures.answeredOnTime) },
    {
      key: 'overdueNow',
      title: 'petitions.overdueNow',
      value: formatNumber(figures.overdueNow),
      href: `${list}&overdue=true`,
      color: figures.overdueNow > 0 ? '#cf1322' : undefined,
    },
    {
      key: 'median',
      title: 'petitions.medianDays',
      value: figures.medianDaysToAnswer === null ? '–' : formatNumber(figures.medianDaysToAnswer),
    },
    { key: 'relayed', title: 'petitions.relayed', value: formatNumber(figures.relayed) },
    { key: 'satisfied', title: 'petitions.satisfiedShare', value: share(figures.satisfiedShare) },
  ];
  return (
    <div data-testid="petition-figures">
      <p className="muted">
        {t('petitions.period', { from: formatDate(figures.from), to: formatDate(figures.to) })}
      </p>
      <Row gutter={[12, 12]} className="section">
        {cards.map((card) => {
          const statistic = (
            <Statistic
              title={t(card.title)}
              value={card.value as string}
              styles={card.color ? { content: { color: card.color } } : undefined}
            />
          );
          return (
            <Col key={card.key} xs={12} sm={8} lg={6}>
              <Card
                size="small"
                className="stat-card"
                data-testid={`petition-figure-${card.key}`}
                hoverable={Boolean(card.href)}
              >
                {card.href ? <Link to={card.href}>{statistic}</Link> : statistic}
              </Card>
            </Col>
          );
        })}
      </Row>
      <Card size="small" className="section" title={t('petitions.byCategory')}>
        {figures.received === 0 ? (
          <p className="muted">{t('petitions.noneInPeriod')}</p>
        ) : (
          <PetitionCategoryChart figures={figures} />
        )}
      </Card>
      {figures.byCell.length > 0 ? (
        <Card size="small" className="section" title={t('petitions.byCell')}>
          <Table
            rowKey="cellId"
            size="small"
            pagination={false}
            scroll={{ x: 720 }}
            dataSource={figures.byCell}
            columns={[
              {
                title: t('petitions.cell'),
                dataIndex: 'cellName',
                render: (name: string, row) => <Link to={`/petitions?unitId=${row.cellId}`}>{name}</Link>,
              },
              { title: t('petitions.received'), dataIndex: 'received', align: 'right' },
              { title: t('petitions.answered'), dataIndex: 'answered', align: 'right' },
              { title: t('petitions.answeredOnTime'), dataIndex: 'answeredOnTime', align: 'right' },
              { title: t('petitions.overdueNow'), dataIndex: 'overdueNow', align: 'right' },
              {
                title: t('petitions.satisfiedShare'),
                dataIndex: 'satisfiedShare',
                align: 'right',
                render: (v: number | null) => share(v),
              },
            ]}
          />
        </Card>
      ) : null}
    </div>
  );
}
