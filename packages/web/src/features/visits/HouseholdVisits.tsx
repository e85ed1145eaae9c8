import { useState } from 'react';
import { Button, Card, Empty, Timeline } from 'antd';
import { can, movementLabels, visitKindLabels, type Household } from '@caunoi/domain';
import { formatDate } from '../../format/date';
import { useI18n } from '../../i18n/i18n-context';
import { useQueuedFor } from '../../offline/use-outbox';
import { useCurrentUser } from '../auth/current-user';
import { LogVisitSheet, type VisitTarget } from './LogVisitSheet';
import { useHouseholdVisits } from './queries';
import { QueuedStateTag } from '../../offline/QueuedStateTag';

/** The household's recent visits on its page, and the button to log one. */
export function HouseholdVisits({ household }: { household: Pick<Household, 'id' | 'code' | 'headName'> }) {
  const { t, label } = useI18n();
  const user = useCurrentUser();
  const visits = useHouseholdVisits(household.id);
  const [target, setTarget] = useState<VisitTarget | null>(null);
  // Visits recorded offline show at once, marked, until the server has them.
  const queued = useQueuedFor(household.id, 'visit');
  // Only an account linked to a member records visits here; the secretary records for others from the worklist.
  const mayLog = can(user.role, 'visit.write') && user.memberId !== null;

  return (
    <Card
      size="small"
      className="section"
      title={t('visits.historyTitle')}
      data-testid="household-visits"
      extra={
        mayLog ? (
          <Button
            type="primary"
            size="small"
            onClick={() =>
              setTarget({ id: household.id, code: household.code, headName: household.headName })
            }
            data-testid="household-log-visit"
          >
            {t('worklist.log')}
          </Button>
        ) : null
      }
    >
      {queued.map((w) => (
        <div key={w.id} className="queued-write" data-testid="queued-visit">
          <QueuedStateTag state={w.state} />
          <strong>{formatDate(String(w.body.date))}</strong> ·{' '}
          {label(visitKindLabels[w.body.kind as keyof typeof visitKindLabels])}
          {typeof w.body.notes === 'string' ? <div>{w.body.notes}</div> : null}
        </div>
      ))}
      {visits.data && visits.data.items.length > 0 ? (
        <Timeline
          items={visits.data.items.map((v) => ({
            key: v.id,
            children: (
              <div data-testid="household-visit">
                <strong>{formatDate(v.date)}</strong> · {label(visitKindLabels[v.kind])}
                <div className="muted">{t('visits.by', { name: v.memberName })}</div>
                {v.notes ? <div>{v.notes}</div> : null}
                {v.movements.length > 0 ? (
                  <div className="muted">
                    {t('visits.movements')}: {v.movements.map((m) => label(movementLabels[m])).join('; ')}
                  </div>
                ) : null}
                {v.bookChangeCount > 0 ? (
                  <div className="muted">{t('visits.bookChanges', { count: v.bookChangeCount })}</div>
                ) : null}
              </div>
            ),
          }))}
        />
      ) : queued.length > 0 ? null : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('visits.empty')} />
      )}
      <LogVisitSheet household={target} onClose={() => setTarget(null)} />
    </Card>
  );
}
