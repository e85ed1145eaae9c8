import { useState } from 'react';
import { Button, Card, Empty, Timeline } from 'antd';
import { can, visitKindLabels, type Household } from '@caunoi/domain';
import { formatDate } from '../../format/date';
import { useI18n } from '../../i18n/i18n-context';
import { useCurrentUser } from '../auth/current-user';
import { LogVisitSheet, type VisitTarget } from './LogVisitSheet';
import { useHouseholdVisits } from './queries';

/** The household's recent visits on its page, and the button to log one. */
export function HouseholdVisits({ household }: { household: Pick<Household, 'id' | 'code' | 'headName'> }) {
  const { t, label } = useI18n();
  const user = useCurrentUser();
  const visits = useHouseholdVisits(household.id);
  const [target, setTarget] = useState<VisitTarget | null>(null);
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
      {visits.data && visits.data.items.length > 0 ? (
        <Timeline
          items={visits.data.items.map((v) => ({
            key: v.id,
            children: (
              <div data-testid="household-visit">
                <strong>{formatDate(v.date)}</strong> · {label(visitKindLabels[v.kind])}
                <div className="muted">{t('visits.by', { name: v.memberName })}</div>
                {v.notes ? <div>{v.notes}</div> : null}
                {v.bookChangeCount > 0 ? (
                  <div className="muted">{t('visits.bookChanges', { count: v.bookChangeCount })}</div>
                ) : null}
              </div>
            ),
          }))}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('visits.empty')} />
      )}
      <LogVisitSheet household={target} onClose={() => setTarget(null)} />
    </Card>
  );
}
