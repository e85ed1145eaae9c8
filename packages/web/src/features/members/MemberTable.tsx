import { Table, type TableColumnsType } from 'antd';
import { Link, useNavigate } from 'react-router';
import type { Member } from '@caunoi/domain';
import { RecordList } from '../../components/RecordList';
import { useIsPhone } from '../../components/use-is-phone';
import { formatNumber } from '../../format/number';
import { useI18n } from '../../i18n/i18n-context';
import { ExemptTag, MemberRoleTag, MemberStatusTag } from './MemberTags';

/** A table on a desktop, a list of cards on a phone. */
export function MemberTable({ members, loading }: { members: Member[]; loading: boolean }) {
  const { t } = useI18n();
  const isPhone = useIsPhone();
  const navigate = useNavigate();

  if (isPhone) {
    return (
      <RecordList
        loading={loading}
        empty={t('members.empty')}
        items={members.map((m) => ({
          key: m.id,
          href: `/members/${m.id}`,
          title: m.fullName,
          extra: <MemberStatusTag status={m.status} />,
          lines: [
            <>
              {m.code} · {m.cellName}
            </>,
            <>
              <MemberRoleTag role={m.role} /> <ExemptTag exempt={m.exempt} /> · {t('members.householdCount')}:{' '}
              <strong>{formatNumber(m.householdCount)}</strong>
            </>,
          ],
          testId: 'member-row',
        }))}
      />
    );
  }

  const columns: TableColumnsType<Member> = [
    {
      title: t('members.name'),
      dataIndex: 'fullName',
      render: (name: string, m) => <Link to={`/members/${m.id}`}>{name}</Link>,
    },
    { title: t('members.code'), dataIndex: 'code', width: 130 },
    { title: t('members.cell'), dataIndex: 'cellName' },
    {
      title: t('members.status'),
      dataIndex: 'status',
      width: 120,
      render: (s: Member['status']) => <MemberStatusTag status={s} />,
    },
    {
      title: t('members.role'),
      dataIndex: 'role',
      width: 130,
      render: (r: Member['role']) => <MemberRoleTag role={r} />,
    },
    {
      title: t('members.exempt'),
      dataIndex: 'exempt',
      width: 130,
      render: (e: boolean) => <ExemptTag exempt={e} />,
    },
    {
      title: t('members.householdCount'),
      dataIndex: 'householdCount',
      width: 130,
      align: 'right',
      render: (n: number) => formatNumber(n),
    },
  ];
  return (
    <Table<Member>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={members}
      loading={loading}
      pagination={false}
      scroll={{ x: 900 }}
      locale={{ emptyText: t('members.empty') }}
      rowClassName="clickable-row"
      onRow={(m) => ({
        onClick: (event) => !(event.target as HTMLElement).closest('a') && void navigate(`/members/${m.id}`),
      })}
    />
  );
}
