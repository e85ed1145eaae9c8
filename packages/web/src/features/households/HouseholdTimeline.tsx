import { Button, Card, Tag, Timeline } from 'antd';
import {
  changeEventLabels,
  changeSourceLabels,
  describeBookField,
  describeBookValue,
  peopleNames,
  type Household,
} from '@caunoi/domain';
import { Link } from 'react-router';
import { ErrorState } from '../../components/ErrorState';
import { formatDate, formatInstantDateTime } from '../../format/date';
import { useI18n } from '../../i18n/i18n-context';
import { useHouseholdHistory } from './queries';

const sourceColor = { edit: 'blue', visit: 'green', import: 'purple' } as const;

/** The book's change history, newest first: what changed, from what to what, who, when and how. */
export function HouseholdTimeline({ household }: { household: Household }) {
  const { t, label, language } = useI18n();
  const history = useHouseholdHistory(household.id);
  const names = peopleNames(household);
  const texts = new Map(household.commitments.map((c) => [c.itemId, c.text]));
  const changes = history.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card size="small" title={t('book.timeline')} className="section" data-testid="book-timeline">
      {history.isError ? (
        <ErrorState error={history.error} onRetry={() => void history.refetch()} />
      ) : changes.length === 0 && !history.isPending ? (
        <p className="muted">{t('book.noHistory')}</p>
      ) : (
        <Timeline
          items={changes.map((c) => ({
            key: c.id,
            color: c.event ? 'orange' : sourceColor[c.source],
            content: (
              <div data-testid="timeline-item">
                <div>
                  {c.field === 'lifecycle' ? null : (
                    <strong>{describeBookField(c.field, language, names, texts)}</strong>
                  )}
                  {c.event ? (
                    <Tag color="orange" style={{ marginInlineStart: 8 }}>
                      {label(changeEventLabels[c.event])}
                    </Tag>
                  ) : null}
                </div>
                {c.field === 'lifecycle' ? (
                  <LifecycleLine value={c.newValue} />
                ) : c.event === 'created' || c.event === 'joined' ? null : c.oldValue === null &&
                  c.field.endsWith(']') ? (
                  // A new entry (working away, a yearly record): its value alone says it.
                  <div>{describeBookValue(c.field, c.newValue, language)}</div>
                ) : (
                  <div>
                    <span className="muted">{describeBookValue(c.field, c.oldValue, language)}</span> →{' '}
                    {describeBookValue(c.field, c.newValue, language)}
                  </div>
                )}
                <div className="muted" style={{ fontSize: 12 }}>
                  {formatInstantDateTime(c.changedAt)} ·{' '}
                  {t('book.historyBy', {
                    who: c.actorName ?? t('book.system'),
                    source: label(changeSourceLabels[c.source]),
                  })}
                </div>
              </div>
            ),
          }))}
        />
      )}
      {history.hasNextPage ? (
        <Button block loading={history.isFetchingNextPage} onClick={() => void history.fetchNextPage()}>
          {t('book.more')}
        </Button>
      ) : null}
    </Card>
  );
}

/** A move, split, merge or end: its date, reason and the household it links to. */
function LifecycleLine({ value }: { value: unknown }) {
  const { t } = useI18n();
  const v = (value ?? {}) as {
    effectiveDate?: string;
    reason?: string;
    householdId?: string;
    code?: string;
    cellName?: string;
  };
  return (
    <div>
      {t('lifecycle.effectiveDate')} {formatDate(v.effectiveDate)}
      {v.cellName ? ` · ${v.cellName}` : ''}
      {v.reason ? ` · ${v.reason}` : ''}
      {v.householdId ? (
        <>
          {' · '}
          {t('lifecycle.linkedHousehold')}{' '}
          <Link to={`/households/${v.householdId}`} data-testid="timeline-household-link">
            {v.code}
          </Link>
        </>
      ) : null}
    </div>
  );
}
