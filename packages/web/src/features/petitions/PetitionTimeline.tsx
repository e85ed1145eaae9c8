import { Timeline } from 'antd';
import { petitionActionLabels, petitionStateLabels, type PetitionStepRecord } from '@caunoi/domain';
import { formatDate, formatInstantDateTime } from '../../format/date';
import { useI18n } from '../../i18n/i18n-context';

function color(step: PetitionStepRecord): string {
  if (step.action === 'escalate') return 'red';
  if (step.toState === 'closed') return 'green';
  if (step.action === 'reopen') return 'orange';
  return 'blue';
}

/** Every step, oldest first: who, when, what, to whom, and the due date it set. */
export function PetitionTimeline({ steps }: { steps: PetitionStepRecord[] }) {
  const { t, label } = useI18n();
  return (
    <Timeline
      items={steps.map((step) => ({
        key: step.id,
        color: color(step),
        content: (
          <div data-testid="petition-step" data-action={step.action}>
            <div>
              <strong>
                {step.action === 'create' ? t('petitions.created') : label(petitionActionLabels[step.action])}
              </strong>
              {step.targetUnitName ? ` → ${step.targetUnitName}` : ''}
              {step.targetName ? ` → ${step.targetName}` : ''}
            </div>
            <div className="muted history-period">
              {formatInstantDateTime(step.at)} · {step.actorName ?? t('petitions.system')} ·{' '}
              {label(petitionStateLabels[step.toState])}
            </div>
            {step.note ? <div className="petition-note">{step.note}</div> : null}
            {step.dueOn && !['closed', 'withdrawn', 'merged', 'relayed'].includes(step.toState) ? (
              <div className="muted history-period">
                {t('petitions.dueOn', { date: formatDate(step.dueOn) })}
              </div>
            ) : null}
          </div>
        ),
      }))}
    />
  );
}
