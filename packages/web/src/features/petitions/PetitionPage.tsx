import { Card, Descriptions, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { petitionCategoryLabels, petitionChannelLabels } from '@caunoi/domain';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { PageTitle } from '../../components/PageTitle';
import { formatDate } from '../../format/date';
import { useI18n } from '../../i18n/i18n-context';
import { PetitionActions } from './PetitionActions';
import { PetitionAttachments } from './PetitionAttachments';
import { DueTag, PetitionStateTag } from './PetitionStateTag';
import { PetitionTimeline } from './PetitionTimeline';
import { usePetition } from './queries';

export default function PetitionPage() {
  const { t, label } = useI18n();
  const id = useParams().id ?? '';
  const petition = usePetition(id);

  if (petition.isPending) return <LoadingState />;
  if (petition.isError) {
    return (
      <ErrorState
        error={petition.error}
        onRetry={() => void petition.refetch()}
        notFoundText={t('petitions.notFound')}
      />
    );
  }
  const p = petition.data;
  const holder = p.holderMemberId
    ? (p.memberName ?? p.cellName)
    : p.targetName
      ? `${p.holderUnitName} → ${p.targetName}`
      : p.holderUnitName;

  return (
    <div data-testid="petition-page" data-state={p.state} data-version={p.version}>
      <PageTitle
        title={<span data-testid="petition-title">{p.title}</span>}
        sub={
          <>
            <PetitionStateTag state={p.state} />
            <DueTag due={p.stepDueOn} overdue={p.overdue} />
          </>
        }
      />
      <PetitionActions petition={p} />
      <Card size="small" className="section">
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 1, md: 2 }}
          items={[
            {
              key: 'households',
              label: t('petitions.households'),
              span: 'filled',
              children: (
                <span>
                  {p.households.map((h, i) => (
                    <span key={h.id}>
                      {i > 0 ? ', ' : ''}
                      <Link to={`/households/${h.id}`}>{h.headName}</Link>{' '}
                      <span className="muted">({h.code})</span>
                    </span>
                  ))}
                </span>
              ),
            },
            { key: 'received', label: t('petitions.receivedOn'), children: formatDate(p.receivedOn) },
            { key: 'member', label: t('petitions.member'), children: p.memberName ?? '–' },
            {
              key: 'channel',
              label: t('petitions.channel'),
              children: label(petitionChannelLabels[p.channel]),
            },
            {
              key: 'category',
              label: t('petitions.category'),
              children: label(petitionCategoryLabels[p.category]),
            },
            {
              key: 'holder',
              label: t('petitions.holder'),
              children: <span data-testid="petition-holder">{holder}</span>,
            },
            {
              key: 'promised',
              label: t('petitions.answerDueOn'),
              children: p.answerDueOn ? formatDate(p.answerDueOn) : '–',
            },
          ]}
        />
        <Typography.Paragraph className="petition-content" data-testid="petition-content">
          {p.content}
        </Typography.Paragraph>
        {/* A petition carries two dates that read alike: say what each one is. */}
        <dl className="petition-dates-legend muted" data-testid="petition-dates-legend">
          <dt>{t('petitions.datesLegend')}</dt>
          <dd>
            <strong>{t('petitions.dueOn', { date: '' }).trim()}</strong>: {t('petitions.stepDueHelp')}
          </dd>
          <dd>
            <strong>{t('petitions.answerDueOn')}</strong>: {t('petitions.answerDueHelp')}
          </dd>
        </dl>
      </Card>
      {p.answer ? (
        <Card
          size="small"
          className="section"
          title={`${t('petitions.answer')}${p.answeredOn ? ` · ${formatDate(p.answeredOn)}` : ''}`}
        >
          <Typography.Paragraph className="petition-content" data-testid="petition-answer">
            {p.answer}
          </Typography.Paragraph>
        </Card>
      ) : null}
      <Card size="small" className="section" title={t('petitions.attachments')}>
        <PetitionAttachments petition={p} canAdd={p.allowedActions.length > 0} />
      </Card>
      <Card size="small" className="section" title={t('petitions.history')}>
        <PetitionTimeline steps={p.steps} />
      </Card>
    </div>
  );
}
