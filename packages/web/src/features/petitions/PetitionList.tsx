import type { HTMLAttributes, MouseEvent } from 'react';
import { Table, type TableColumnsType } from 'antd';
import { Link, useNavigate } from 'react-router';
import { petitionCategoryLabels, type PetitionSummary } from '@caunoi/domain';
import { RecordList } from '../../components/RecordList';
import { useIsPhone } from '../../components/use-is-phone';
import { formatDate } from '../../format/date';
import { useI18n } from '../../i18n/i18n-context';
import { DueTag, PetitionStateTag } from './PetitionStateTag';

/** Petitions as a table on a desktop and as cards on a phone; each opens the petition. */
export function PetitionList({
  petitions,
  loading,
  empty,
  compact = false,
}: {
  petitions: PetitionSummary[];
  loading: boolean;
  empty: string;
  /** Inside a household's page: the household and the cell go without saying. */
  compact?: boolean;
}) {
  const { t, label } = useI18n();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const households = (p: PetitionSummary) => p.households.map((h) => h.headName).join(', ');
  const holder = (p: PetitionSummary) =>
    p.holderMemberId
      ? (p.memberName ?? p.cellName)
      : p.targetName
        ? `${p.holderUnitName} → ${p.targetName}`
        : p.holderUnitName;

  if (isPhone || compact) {
    return (
      <RecordList
        loading={loading}
        empty={empty}
        items={petitions.map((p) => ({
          key: p.id,
          href: `/petitions/${p.id}`,
          title: p.title,
          extra: <PetitionStateTag state={p.state} />,
          lines: [
            <span key="meta" className="muted">
              {formatDate(p.receivedOn)} · {label(petitionCategoryLabels[p.category])}
              {compact ? '' : ` · ${households(p)}`}
            </span>,
            <span key="holder">
              {t('petitions.holder')}: {holder(p)} <DueTag due={p.stepDueOn} overdue={p.overdue} />
            </span>,
          ],
          testId: 'petition-row',
          attributes: { 'data-petition-id': p.id, 'data-state': p.state },
        }))}
      />
    );
  }

  const columns: TableColumnsType<PetitionSummary> = [
    {
      title: t('petitions.receivedOn'),
      dataIndex: 'receivedOn',
      width: 110,
      render: (d: string) => formatDate(d),
    },
    {
      title: t('petitions.titleField'),
      dataIndex: 'title',
      width: 280,
      render: (title: string, p) => (
        <Link to={`/petitions/${p.id}`} data-testid="petition-link">
          {title}
        </Link>
      ),
    },
    { title: t('petitions.households'), key: 'households', ellipsis: true, render: (_, p) => households(p) },
    {
      title: t('petitions.category'),
      dataIndex: 'category',
      width: 170,
      render: (_, p) => label(petitionCategoryLabels[p.category]),
    },
    { title: t('petitions.cell'), dataIndex: 'cellName', width: 170 },
    {
      title: t('petitions.state'),
      key: 'state',
      width: 230,
      render: (_, p) => (
        <>
          <PetitionStateTag state={p.state} />
          <DueTag due={p.stepDueOn} overdue={p.overdue} />
        </>
      ),
    },
    { title: t('petitions.holder'), key: 'holder', width: 200, render: (_, p) => holder(p) },
  ];
  return (
    <Table<PetitionSummary>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={petitions}
      loading={loading}
      pagination={false}
      scroll={{ x: 1100 }}
      locale={{ emptyText: empty }}
      rowClassName="clickable-row"
      onRow={(p) =>
        ({
          'data-testid': 'petition-row',
          'data-petition-id': p.id,
          'data-state': p.state,
          onClick: (event: MouseEvent) => {
            if (!(event.target as HTMLElement).closest('a')) void navigate(`/petitions/${p.id}`);
          },
        }) as HTMLAttributes<HTMLElement>
      }
    />
  );
}
