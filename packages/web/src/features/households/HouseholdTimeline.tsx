import { Button, Card, Tag, Timeline } from 'antd';
import {
  changeEventLabels,
  changeSourceLabels,
  describeBookField,
  describeBookValue,
  peopleNames,
  type Household,
} from '@caunoi/domain';
import { ErrorState } from '../../components/ErrorState';
import { useI18n } from '../../i18n/i18n-context';
import { useHouseholdHistory } from './queries';

const vnDateTime = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

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
                  <strong>{describeBookField(c.field, language, names, texts)}</strong>
                  {c.event ? (
                    <Tag color="orange" style={{ marginInlineStart: 8 }}>
                      {label(changeEventLabels[c.event])}
                    </Tag>
                  ) : null}
                </div>
                {c.event === 'created' || c.event === 'joined' ? null : c.oldValue === null &&
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
                  {vnDateTime.format(new Date(c.changedAt))} ·{' '}
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
