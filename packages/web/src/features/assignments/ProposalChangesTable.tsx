import { Table, Tag } from 'antd';
import { Link } from 'react-router';
import { changeReasonLabels, povertyStatusLabels, type Proposal } from '@caunoi/domain';
import { useI18n } from '../../i18n/i18n-context';

type Change = Proposal['changes'][number];

/** Every household that changes hands: from whom, to whom, and why. */
export function ProposalChangesTable({ proposal }: { proposal: Proposal }) {
  const { t, label } = useI18n();
  return (
    <Table<Change>
      size="small"
      rowKey="householdId"
      dataSource={proposal.changes}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      scroll={{ x: 760 }}
      data-testid="proposal-changes"
      columns={[
        {
          title: t('proposal.household'),
          key: 'household',
          render: (_, c) => (
            <>
              <Link to={`/households/${c.householdId}`}>{c.headName}</Link>{' '}
              <span className="muted">({c.householdCode})</span>{' '}
              {c.povertyStatus === 'poor' || c.povertyStatus === 'near_poor' ? (
                <Tag color="volcano">{label(povertyStatusLabels[c.povertyStatus])}</Tag>
              ) : null}
            </>
          ),
        },
        {
          title: t('proposal.from'),
          key: 'from',
          render: (_, c) => c.fromMemberName ?? <span className="muted">{t('proposal.nobody')}</span>,
        },
        { title: t('proposal.to'), dataIndex: 'toMemberName' },
        { title: t('proposal.why'), key: 'why', render: (_, c) => label(changeReasonLabels[c.reason]) },
      ]}
    />
  );
}
