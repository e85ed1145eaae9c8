import { useState } from 'react';
import { Button, Card, Descriptions, Empty, List, Space, Tag } from 'antd';
import {
  can,
  helpActionKindLabels,
  helpActionStatusLabels,
  povertyCauseLabels,
  type HelpAction,
  type Household,
} from '@caunoi/domain';
import { formatDate } from '../../format/date';
import { formatNumber } from '../../format/number';
import { useI18n } from '../../i18n/i18n-context';
import { useQueuedFor } from '../../offline/use-outbox';
import { useCurrentUser } from '../auth/current-user';
import { HelpActionDialog } from './HelpActionDialog';
import { HelpPlanForm } from './HelpPlanForm';
import { useHouseholdHelpPlan } from './queries';
import { QueuedStateTag } from '../../offline/QueuedStateTag';

const statusColors = {
  planned: 'default',
  in_progress: 'processing',
  done: 'success',
  dropped: 'error',
} as const;

/** The household's help plan on its page: causes, wishes, target year and the actions with their results. */
export function HouseholdHelpPlan({
  household,
}: {
  household: Pick<Household, 'id' | 'cellId' | 'code' | 'headName'>;
}) {
  const { t, label } = useI18n();
  const user = useCurrentUser();
  const query = useHouseholdHelpPlan(household.id);
  const [planOpen, setPlanOpen] = useState(false);
  const [action, setAction] = useState<HelpAction | 'new' | null>(null);
  const mayWrite = can(user.role, 'help_plan.write');
  // Actions and results recorded offline show at once, marked, until the server has them.
  const queued = useQueuedFor(household.id).filter(
    (w) => w.kind === 'helpAction' || w.kind === 'helpActionResult',
  );
  if (query.isError || !query.data) return null;
  const plan = query.data.plan;

  const lineOf = (a: HelpAction) =>
    [
      a.ownerMemberName ?? a.ownerName,
      a.dueOn && a.status !== 'done' ? t('help.due', { date: formatDate(a.dueOn) }) : null,
      a.completedOn ? t('help.doneOn', { date: formatDate(a.completedOn) }) : null,
      a.loanAmount !== null ? t('help.loan', { amount: formatNumber(a.loanAmount) }) : null,
      a.donationAmount !== null ? t('help.donation', { amount: formatNumber(a.donationAmount) }) : null,
      a.peopleCount !== null ? t('help.people', { count: a.peopleCount }) : null,
    ]
      .filter(Boolean)
      .join(' · ');

  return (
    <Card
      size="small"
      className="section"
      title={t('help.title')}
      data-testid="household-help-plan"
      extra={
        mayWrite ? (
          <Button size="small" onClick={() => setPlanOpen(true)} data-testid="help-plan-edit">
            {plan ? t('help.edit') : t('help.start')}
          </Button>
        ) : null
      }
    >
      {plan ? (
        <>
          <Descriptions
            size="small"
            column={1}
            items={[
              {
                key: 'causes',
                label: t('help.causes'),
                children: (
                  <Space size={[4, 4]} wrap>
                    {plan.causes.map((c) => (
                      <Tag key={c}>{label(povertyCauseLabels[c])}</Tag>
                    ))}
                  </Space>
                ),
              },
              ...(plan.wishes ? [{ key: 'wishes', label: t('help.wishes'), children: plan.wishes }] : []),
              ...(plan.targetYear
                ? [{ key: 'target', label: t('help.targetYear'), children: plan.targetYear }]
                : []),
            ]}
          />
          <List
            size="small"
            header={
              <Space style={{ width: '100%', justifyContent: 'space-between' }}>
                <strong>{t('help.actions')}</strong>
                {mayWrite ? (
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => setAction('new')}
                    data-testid="help-action-add"
                  >
                    {t('help.addAction')}
                  </Button>
                ) : null}
              </Space>
            }
            footer={
              queued.some((w) => w.kind === 'helpAction')
                ? queued
                    .filter((w) => w.kind === 'helpAction')
                    .map((w) => (
                      <div key={w.id} className="queued-write" data-testid="queued-help-action">
                        <QueuedStateTag state={w.state} />
                        {label(helpActionKindLabels[w.body.kind as keyof typeof helpActionKindLabels])}
                      </div>
                    ))
                : undefined
            }
            locale={{ emptyText: t('help.noActions') }}
            dataSource={plan.actions}
            renderItem={(a) => (
              <List.Item
                data-testid="help-action"
                extra={
                  mayWrite ? (
                    <Button size="small" onClick={() => setAction(a)} data-testid="help-action-edit">
                      {t('help.edit')}
                    </Button>
                  ) : null
                }
              >
                <List.Item.Meta
                  title={
                    <Space size={[6, 4]} wrap>
                      <span>{label(helpActionKindLabels[a.kind])}</span>
                      <Tag color={statusColors[a.status]}>{label(helpActionStatusLabels[a.status])}</Tag>
                    </Space>
                  }
                  description={
                    <>
                      {a.description ? <div>{a.description}</div> : null}
                      <div className="muted">{lineOf(a)}</div>
                      {a.result ? <div>{a.result}</div> : null}
                      {queued
                        .filter((w) => w.path === `/help-actions/${a.id}`)
                        .map((w) => (
                          <div key={w.id} className="queued-write" data-testid="queued-help-result">
                            <QueuedStateTag state={w.state} />
                            {typeof w.body.result === 'string' ? w.body.result : null}
                          </div>
                        ))}
                    </>
                  }
                />
              </List.Item>
            )}
          />
        </>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('help.none')} />
      )}
      <HelpPlanForm
        householdId={household.id}
        plan={plan}
        open={planOpen}
        onClose={() => setPlanOpen(false)}
      />
      {plan ? (
        <HelpActionDialog
          planId={plan.id}
          cellId={household.cellId}
          household={household}
          action={action === 'new' ? null : action}
          open={action !== null}
          onClose={() => setAction(null)}
        />
      ) : null}
    </Card>
  );
}
