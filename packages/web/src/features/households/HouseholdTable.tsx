import type { HTMLAttributes, MouseEvent } from 'react';
import { Table, type TableColumnsType } from 'antd';
import { Link, useNavigate } from 'react-router';
import { sharedAddressTail, withoutAddressTail, type HouseholdSummary } from '@caunoi/domain';
import { RecordList } from '../../components/RecordList';
import { useIsPhone } from '../../components/use-is-phone';
import { useI18n } from '../../i18n/i18n-context';
import { HouseholdTags } from './HouseholdTags';

interface Props {
  households: HouseholdSummary[];
  loading: boolean;
  empty: string;
  /** A member's own list: their name in every row says nothing. */
  showMember?: boolean;
  showCell?: boolean;
  /** Drop the commune, district and province every row repeats (a member's own households). */
  shortAddresses?: boolean;
}

/** A table on a desktop, a list of cards on a phone; each row opens the household's book. */
export function HouseholdTable({
  households,
  loading,
  empty,
  showMember = true,
  showCell = true,
  shortAddresses = false,
}: Props) {
  const { t } = useI18n();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const tail = shortAddresses ? sharedAddressTail(households.map((h) => h.address)) : [];
  const addressOf = (h: HouseholdSummary) => withoutAddressTail(h.address, tail);
  const memberText = (h: HouseholdSummary) =>
    h.assignedMemberName ?? <span className="muted">{t('households.noMember')}</span>;

  if (isPhone) {
    return (
      <RecordList
        loading={loading}
        empty={empty}
        items={households.map((h) => ({
          key: h.id,
          href: `/households/${h.id}`,
          title: h.headName,
          extra: <span className="muted">{h.code}</span>,
          lines: [
            addressOf(h),
            <HouseholdTags household={h} key="tags" />,
            showMember ? (
              <>
                {t('households.member')}: {memberText(h)}
              </>
            ) : null,
          ],
          testId: 'household-row',
          attributes: { 'data-household-id': h.id, 'data-code': h.code },
        }))}
      />
    );
  }

  const columns: TableColumnsType<HouseholdSummary> = [
    { title: t('households.code'), dataIndex: 'code', width: 140 },
    {
      title: t('households.head'),
      dataIndex: 'headName',
      render: (name: string, h) => (
        <Link to={`/households/${h.id}`} data-testid="household-link">
          {name}
        </Link>
      ),
    },
    {
      title: t('households.address'),
      key: 'address',
      ellipsis: true,
      render: (_: unknown, h: HouseholdSummary) => addressOf(h),
    },
    ...(showCell ? [{ title: t('households.cell'), dataIndex: 'cellName', width: 170 }] : []),
    {
      title: t('households.status'),
      key: 'status',
      width: 210,
      render: (_: unknown, h: HouseholdSummary) => <HouseholdTags household={h} />,
    },
    ...(showMember
      ? [
          {
            title: t('households.member'),
            key: 'member',
            width: 180,
            render: (_: unknown, h: HouseholdSummary) => memberText(h),
          },
        ]
      : []),
  ];
  return (
    <Table<HouseholdSummary>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={households}
      loading={loading}
      pagination={false}
      scroll={{ x: 1000 }}
      locale={{ emptyText: empty }}
      rowClassName="clickable-row"
      onRow={(h) =>
        ({
          'data-testid': 'household-row',
          'data-household-id': h.id,
          'data-code': h.code,
          onClick: (event: MouseEvent) => {
            if (!(event.target as HTMLElement).closest('a')) void navigate(`/households/${h.id}`);
          },
        }) as HTMLAttributes<HTMLElement>
      }
    />
  );
}
