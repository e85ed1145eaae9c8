import { DatePicker, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import {
  changeEventLabels,
  changeSourceLabels,
  describeBookValue,
  todayInVietnam,
  type PopulationChange,
} from '@caunoi/domain';
import { ErrorState } from '../../components/ErrorState';
import { LoadMore } from '../../components/LoadMore';
import { PageTitle } from '../../components/PageTitle';
import { useIsPhone } from '../../components/use-is-phone';
import { formatDate } from '../../format/date';
import { useI18n } from '../../i18n/i18n-context';
import { useCurrentUser } from '../auth/current-user';
import { useUnit, useUnitChildren } from '../units/queries';
import { usePopulationChanges } from './queries';

const eventColor: Record<string, string> = {
  joined: 'green',
  left: 'default',
  moved_away: 'orange',
  deceased: 'default',
  away_started: 'blue',
  away_ended: 'cyan',
  capacity_changed: 'purple',
};

/**
 * "Biến động nhân khẩu, lao động": for a unit and a month, who joined or left
 * a household, moved away or died, and who started or stopped working away or
 * changed working capacity. Unit and month live in the address.
 */
export default function PopulationChangesPage() {
  const { t, label, language } = useI18n();
  const user = useCurrentUser();
  const isPhone = useIsPhone();
  const [params, setParams] = useSearchParams();
  const unitParam = params.get('unitId');
  const unitId = unitParam && /^\d+$/.test(unitParam) ? Number(unitParam) : user.scopeUnitId;
  const monthParam = params.get('month');
  const month = monthParam && /^\d{4}-\d{2}$/.test(monthParam) ? monthParam : todayInVietnam().slice(0, 7);
  const unit = useUnit(unitId);
  const children = useUnitChildren(user.scopeUnitId, user.role !== 'member');
  const changes = usePopulationChanges(unitId, month);
  const rows = changes.data?.pages.flatMap((p) => p.items) ?? [];

  const set = (key: string, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set(key, value);
        return next;
      },
      { replace: true },
    );

  const unitOptions = [
    { value: user.scopeUnitId, label: user.scopeUnitName },
    ...(children.data?.items ?? []).map((u) => ({ value: u.id, label: u.name })),
  ];
  // A unit reached by a link from deeper in the tree is offered too.
  if (unit.data && !unitOptions.some((o) => o.value === unit.data.id)) {
    unitOptions.push({ value: unit.data.id, label: unit.data.name });
  }

  const detail = (c: PopulationChange) => {
    if (c.event === 'joined' && c.oldValue === null) return '';
    if (c.oldValue === null) return describeBookValue(c.field, c.newValue, language);
    return `${describeBookValue(c.field, c.oldValue, language)} → ${describeBookValue(c.field, c.newValue, language)}`;
  };

  const columns: TableColumnsType<PopulationChange> = [
    { title: t('changes.date'), dataIndex: 'changedOn', width: 110, render: (d: string) => formatDate(d) },
    {
      title: t('changes.household'),
      key: 'household',
      render: (_: unknown, c) => (
        <>
          <Link to={`/households/${c.householdId}`}>{c.headName}</Link>
          <div className="muted" style={{ fontSize: 12 }}>
            {c.householdCode}
          </div>
        </>
      ),
    },
    { title: t('changes.person'), dataIndex: 'personName', render: (n: string | null) => n ?? '' },
    {
      title: t('changes.event'),
      dataIndex: 'event',
      render: (e: PopulationChange['event']) => (
        <Tag color={eventColor[e]}>{label(changeEventLabels[e])}</Tag>
      ),
    },
    ...(isPhone
      ? []
      : [
          {
            title: t('changes.detail'),
            key: 'detail',
            render: (_: unknown, c: PopulationChange) => detail(c),
          },
          {
            title: t('changes.source'),
            dataIndex: 'source',
            width: 130,
            render: (s: PopulationChange['source']) => label(changeSourceLabels[s]),
          },
        ]),
  ];

  return (
    <>
      <PageTitle title={t('changes.title')} sub={unit.data ? unit.data.name : null} />
      <Space wrap className="section">
        {user.role !== 'member' ? (
          <Select
            value={unitId}
            options={unitOptions}
            onChange={(v) => set('unitId', String(v))}
            style={{ minWidth: 240 }}
            aria-label={t('changes.unit')}
            data-testid="changes-unit"
            showSearch={{ optionFilterProp: 'label' }}
          />
        ) : null}
        <DatePicker
          picker="month"
          format="MM/YYYY"
          value={dayjs(`${month}-01`)}
          allowClear={false}
          inputReadOnly
          onChange={(d) => d && set('month', d.format('YYYY-MM'))}
          aria-label={t('changes.month')}
          data-testid="changes-month"
        />
      </Space>
      {changes.isError ? (
        <ErrorState error={changes.error} onRetry={() => void changes.refetch()} />
      ) : (
        <div data-testid="changes-list">
          <Table<PopulationChange>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={rows}
            loading={changes.isPending}
            pagination={false}
            locale={{ emptyText: t('changes.empty') }}
          />
          <LoadMore
            shown={rows.length}
            hasMore={Boolean(changes.hasNextPage)}
            loading={changes.isFetchingNextPage}
            onMore={() => void changes.fetchNextPage()}
          />
        </div>
      )}
    </>
  );
}
