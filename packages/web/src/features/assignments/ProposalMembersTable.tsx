import { Table, Tag } from 'antd';
import { Link } from 'react-router';
import type { Proposal } from '@caunoi/domain';
import { useI18n } from '../../i18n/i18n-context';
import { formatCount } from './format';

type MemberRow = Proposal['members'][number];

/** Each member's load before and after, with the households gained and lost (opened per row). */
export function ProposalMembersTable({ proposal }: { proposal: Proposal }) {
  const { t } = useI18n();
  const households = new Map(proposal.changes.map((c) => [c.householdId, c]));
  const names = (ids: string[]) =>
    ids.map((id) => {
      const h = households.get(id);
      return h ? (
        <div key={id}>
          <Link to={`/households/${id}`}>{h.headName}</Link>{' '}
          <span className="muted">({h.householdCode})</span>
        </div>
      ) : null;
    });
  const moved = proposal.members.filter((m) => m.gained.length > 0 || m.lost.length > 0 || !m.eligible);
  return (
    <Table<MemberRow>
      size="small"
      rowKey="memberId"
      dataSource={moved}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      scroll={{ x: 720 }}
      data-testid="proposal-members"
      expandable={{
        rowExpandable: (m) => m.gained.length + m.lost.length > 0,
        expandedRowRender: (m) => (
          <div style={{ display: 'flex', gap: 32, flexWrap: 'wrap' }}>
            {m.gained.length > 0 ? (
              <div>
                <strong>{t('proposal.gains')}</strong>
                {names(m.gained)}
              </div>
            ) : null}
            {m.lost.length > 0 ? (
              <div>
                <strong>{t('proposal.losses')}</strong>
                {names(m.lost)}
              </div>
            ) : null}
          </div>
        ),
      }}
      columns={[
        {
          title: t('proposal.member'),
          key: 'member',
          render: (_, m) => (
            <>
              <Link to={`/members/${m.memberId}`}>{m.fullName}</Link>{' '}
              {m.eligible ? null : <Tag>{t('proposal.notTakingPart')}</Tag>}
            </>
          ),
        },
        { title: t('proposal.cell'), dataIndex: 'cellName' },
        { title: t('proposal.before'), align: 'right', render: (_, m) => formatCount(m.before) },
        {
          title: t('proposal.after'),
          align: 'right',
          render: (_, m) => <strong>{formatCount(m.after)}</strong>,
        },
        {
          title: t('proposal.gains'),
          align: 'right',
          render: (_, m) =>
            m.gained.length ? <span style={{ color: '#389e0d' }}>+{m.gained.length}</span> : '',
        },
        {
          title: t('proposal.losses'),
          align: 'right',
          render: (_, m) => (m.lost.length ? <span style={{ color: '#cf1322' }}>−{m.lost.length}</span> : ''),
        },
      ]}
    />
  );
}
