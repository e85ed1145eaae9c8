import { Button, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { careCategoryLabels, visitKindLabels, visitKinds, type WorklistItem } from '@caunoi/domain';
import { formatDate } from '../../format/date';
import { useI18n } from '../../i18n/i18n-context';
import type { VisitTarget } from '../visits/LogVisitSheet';

const stateColors = { overdue: 'red', due: 'orange', visited: 'green' } as const;

/** One section of the worklist: a card per household with the one button that matters. */
export function WorklistSection({
  testId,
  title,
  items,
  empty,
  onLog,
}: {
  testId: string;
  title: string;
  items: WorklistItem[];
  empty?: string;
  onLog: (household: VisitTarget) => void;
}) {
  const { t, label } = useI18n();
  const lineOf = (item: WorklistItem) =>
    [
      item.state === 'overdue' && item.overdueSince
        ? t('worklist.overdueSince', { date: formatDate(item.overdueSince) })
        : null,
      item.state === 'due' ? t('worklist.dueBy', { date: formatDate(item.dueBy) }) : null,
      item.lastVisitOn
        ? t('worklist.lastVisit', { date: formatDate(item.lastVisitOn) })
        : t('worklist.neverVisited'),
    ]
      .filter(Boolean)
      .join(' · ');
  return (
    <section className="section" data-testid={testId}>
      <Typography.Title level={5} className="worklist-section-title">
        {title} <span className="muted">({items.length})</span>
      </Typography.Title>
      {items.length === 0 ? (
        empty ? (
          <p className="muted">{empty}</p>
        ) : null
      ) : (
        <ul className="worklist-list">
          {items.map((item) => (
            <li
              key={item.householdId}
              className={`worklist-item worklist-item-${item.state}`}
              data-testid="worklist-item"
              data-household-id={item.householdId}
              data-state={item.state}
            >
              <div className="worklist-item-main">
                <Link to={`/households/${item.householdId}`} className="worklist-item-name">
                  {item.headName}
                </Link>
                <div className="worklist-item-tags">
                  <span className="muted">{item.code}</span>
                  <Tag color={stateColors[item.state]}>{label(careCategoryLabels[item.category])}</Tag>
                  <span className="muted">
                    {item.cadenceMonths === 1
                      ? t('worklist.cadenceMonthly')
                      : t('worklist.cadence', { months: item.cadenceMonths })}
                  </span>
                </div>
                <div className="worklist-item-line">{lineOf(item)}</div>
                {item.countingKinds.length < visitKinds.length ? (
                  // Poor and near-poor households: say which contacts count, so a phone call is not taken for the visit.
                  <div className="worklist-item-line muted" data-testid="worklist-counts">
                    {t('worklist.countsOnly', {
                      kinds: item.countingKinds.map((kind) => label(visitKindLabels[kind])).join(', '),
                    })}
                  </div>
                ) : null}
              </div>
              <Button
                type={item.state === 'visited' ? 'default' : 'primary'}
                size="large"
                onClick={() => onLog({ id: item.householdId, code: item.code, headName: item.headName })}
                data-testid="worklist-log"
              >
                {t('worklist.log')}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
