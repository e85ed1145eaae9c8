import { Alert, App, Button, Card, Col, Popconfirm, Row, Statistic, Tag } from 'antd';
import { Link, useParams } from 'react-router';
import type { Proposal } from '@caunoi/domain';
import { errorToMessage } from '../../api/error-message';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { PageTitle } from '../../components/PageTitle';
import { formatDate } from '../../format/date';
import type { MessageKey } from '../../i18n/dictionary.vi';
import { useI18n } from '../../i18n/i18n-context';
import { ProposalChangesTable } from './ProposalChangesTable';
import { ProposalMembersTable } from './ProposalMembersTable';
import { useDecideProposal, useProposal } from './coverage-queries';
import { formatCount } from './format';

const statusKeys: Record<Proposal['status'], MessageKey> = {
  open: 'proposal.statusOpen',
  applied: 'proposal.statusApplied',
  discarded: 'proposal.statusDiscarded',
};

/** The preview: who gains and who loses which households, what could not be met; apply or discard. */
export default function ProposalPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const proposal = useProposal(id);
  if (proposal.isPending) return <LoadingState />;
  if (proposal.isError)
    return (
      <ErrorState
        error={proposal.error}
        onRetry={() => void proposal.refetch()}
        notFoundText={t('proposal.notFound')}
      />
    );
  return <ProposalView proposal={proposal.data} />;
}

function ProposalView({ proposal: p }: { proposal: Proposal }) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const decide = useDecideProposal(p.id);
  const range = (r: { min: number | null; max: number | null }) => ({
    min: formatCount(r.min),
    max: formatCount(r.max),
  });
  const act = (action: 'apply' | 'discard') =>
    decide.mutate(
      { action, version: p.version },
      {
        onSuccess: () =>
          void message.success(t(action === 'apply' ? 'proposal.applied' : 'proposal.discarded')),
      },
    );
  const stale = decide.error && 'code' in decide.error && decide.error.code === 'PROPOSAL_STALE';

  return (
    <div data-testid="proposal">
      <PageTitle
        title={t('proposal.title')}
        sub={
          <>
            <Tag>{p.unitName}</Tag>
            <Tag color={p.status === 'applied' ? 'green' : p.status === 'discarded' ? 'default' : 'blue'}>
              {t(statusKeys[p.status])}
            </Tag>
          </>
        }
        extra={
          p.status === 'open' ? (
            <>
              <Popconfirm
                title={t('proposal.applyConfirm', {
                  count: formatCount(p.summary.changes),
                  date: formatDate(p.effectiveDate),
                })}
                okText={t('proposal.apply')}
                cancelText={t('app.cancel')}
                onConfirm={() => act('apply')}
              >
                <Button type="primary" loading={decide.isPending} data-testid="proposal-apply">
                  {t('proposal.apply')}
                </Button>
              </Popconfirm>{' '}
              <Popconfirm
                title={t('proposal.discardConfirm')}
                okText={t('proposal.discard')}
                cancelText={t('app.cancel')}
                onConfirm={() => act('discard')}
              >
                <Button danger disabled={decide.isPending} data-testid="proposal-discard">
                  {t('proposal.discard')}
                </Button>
              </Popconfirm>
            </>
          ) : null
        }
      />
      {decide.error ? (
        <Alert
          type="error"
          showIcon
          className="section"
          title={errorToMessage(decide.error, language)}
          action={
            stale ? (
              <Link to={`/assignments/proposals/new?unitId=${p.unitId}`}>
                <Button size="small">{t('proposal.remake')}</Button>
              </Link>
            ) : null
          }
          data-testid="proposal-decide-error"
        />
      ) : null}
      <p className="muted">
        {t('proposal.effectiveOn', { date: formatDate(p.effectiveDate) })} ·{' '}
        {t('proposal.bounds', { min: p.options.minPerMember, max: p.options.maxPerMember })} ·{' '}
        {t('proposal.loadBefore', range(p.summary.loadBefore))} ·{' '}
        {t('proposal.loadAfter', range(p.summary.loadAfter))}
      </p>
      <Row gutter={[12, 12]} className="section">
        {(
          [
            ['proposal.households', p.summary.households],
            ['proposal.membersTakingPart', p.summary.membersTakingPart],
            ['proposal.changes', p.summary.changes],
            ['proposal.kept', p.summary.kept],
          ] as [MessageKey, number][]
        ).map(([key, value]) => (
          <Col key={key} xs={12} sm={6}>
            <Card size="small" className="stat-card">
              <Statistic title={t(key)} value={formatCount(value)} />
            </Card>
          </Col>
        ))}
      </Row>
      {p.issues.length > 0 ? (
        <Card size="small" className="section" title={t('proposal.issues')} data-testid="proposal-issues">
          {p.issues.map((issue, i) => (
            <Alert
              key={i}
              type={
                issue.code === 'PAIRS_MOVED' || issue.code === 'RECENT_ASSIGNMENTS_LEFT' ? 'info' : 'warning'
              }
              showIcon
              style={{ marginBottom: 8 }}
              title={`${issue.cellName}: ${issue.text[language]}`}
            />
          ))}
        </Card>
      ) : null}
      {p.changes.length === 0 ? (
        <p className="muted">{t('proposal.noChanges')}</p>
      ) : (
        <>
          <Card size="small" className="section" title={t('proposal.byMember')}>
            <ProposalMembersTable proposal={p} />
          </Card>
          <Card size="small" className="section" title={t('proposal.changeList')}>
            <ProposalChangesTable proposal={p} />
          </Card>
        </>
      )}
    </div>
  );
}
