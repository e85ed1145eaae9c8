import { Descriptions } from 'antd';
import type { RestructurePlan } from '@caunoi/domain';
import { formatDate } from '../../format/date';
import { useI18n } from '../../i18n/i18n-context';
import { describeOperation, unitNamer } from './describe-plan';

/** A plan read from a file, in words: the decision, the date, each operation, the plan's notes. */
export function PlanSummary({ plan }: { plan: RestructurePlan }) {
  const i18n = useI18n();
  const { t } = i18n;
  const name = unitNamer(plan);
  return (
    <div className="section" data-testid="plan-summary">
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'title', label: t('restructure.planTitle'), children: plan.title },
          { key: 'date', label: t('restructure.effectiveDate'), children: formatDate(plan.effectiveDate) },
          {
            key: 'decision',
            label: t('restructure.decisionNumber'),
            children: `${plan.decision.number} · ${formatDate(plan.decision.date)} · ${plan.decision.issuer}`,
          },
        ]}
      />
      <h4>{t('restructure.operations')}</h4>
      <ol>
        {plan.operations.map((op, i) => (
          <li key={i}>{describeOperation(op, name, i18n)}</li>
        ))}
      </ol>
      {plan.notes && plan.notes.length > 0 ? (
        <>
          <h4>{t('restructure.notes')}</h4>
          <ul className="muted">
            {plan.notes.map((note, i) => (
              <li key={i}>{note}</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
