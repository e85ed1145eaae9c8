import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Input, Select, Space, Tag, Typography } from 'antd';
import {
  areaTypeLabels,
  can,
  povertyClassificationLabels,
  povertyIndicatorInfo,
  povertyStatusLabels,
  todayInVietnam,
  type PovertyAssessment,
} from '@caunoi/domain';
import { errorToMessage } from '../../api/error-message';
import { formatNumber } from '../../format/number';
import { useI18n } from '../../i18n/i18n-context';
import { useCurrentUser } from '../auth/current-user';
import { useUpdatePovertyAssessment } from './mutations';
import { usePovertyAssessment } from './queries';
import './poverty.css';

type Answer = 'facts' | 'yes' | 'no';
const answerOf = (override: boolean | null): Answer =>
  override === null ? 'facts' : override ? 'yes' : 'no';
const classColors = { poor: 'red', near_poor: 'orange', average: 'gold', other: 'default' } as const;

/**
 * The household's review sheet: each indicator as the book shows it (with
 * the reason), the manual answer beside it, and the class they add up to
 * next to what the commune recognised. Opened on demand: reading it is recorded.
 */
export function PovertySheetCard({ householdId }: { householdId: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const thisYear = Number(todayInVietnam().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  return (
    <Card
      size="small"
      className="section"
      title={t('poverty.title')}
      data-testid="poverty-sheet"
      extra={
        open ? (
          <Select
            size="small"
            value={year}
            onChange={setYear}
            aria-label={t('poverty.year')}
            options={[thisYear + 1, thisYear, thisYear - 1, thisYear - 2]
              .filter((y) => y >= 2022 && y <= 2030)
              .map((y) => ({ value: y, label: String(y) }))}
          />
        ) : (
          <Button size="small" onClick={() => setOpen(true)} data-testid="poverty-open">
            {t('poverty.open')}
          </Button>
        )
      }
    >
      {open ? <Sheet householdId={householdId} year={year} /> : null}
    </Card>
  );
}

function Sheet({ householdId, year }: { householdId: string; year: number }) {
  const { t, label, language } = useI18n();
  const user = useCurrentUser();
  const query = usePovertyAssessment(householdId, year);
  if (query.isPending) return null;
  if (query.isError) return <Alert type="error" showIcon title={errorToMessage(query.error, language)} />;
  const a = query.data;
  return (
    <>
      <Space direction="vertical" size={4} style={{ width: '100%' }}>
        <span className="muted">
          {t('poverty.standard')}: {a.standard} ·{' '}
          {t('poverty.line', { area: label(areaTypeLabels[a.areaType]), amount: formatNumber(a.incomeLine) })}
        </span>
        <span>
          {t('poverty.income')}:{' '}
          <strong>
            {a.monthlyIncomePerCapita === null
              ? t('poverty.incomeUnknown')
              : t('poverty.incomeValue', { amount: formatNumber(a.monthlyIncomePerCapita) })}
          </strong>
        </span>
        <Space wrap>
          <span>{t('poverty.suggestion')}:</span>
          {a.suggestion ? (
            <Tag color={classColors[a.suggestion.classification]} data-testid="poverty-suggestion">
              {label(povertyClassificationLabels[a.suggestion.classification])} ·{' '}
              {t('poverty.deprivations', { count: a.suggestion.deprivationCount })}
            </Tag>
          ) : (
            <Tag>{t('poverty.noSuggestion')}</Tag>
          )}
          <span className="muted">
            {a.recognisedStatus && a.recognisedYear
              ? `${t('poverty.recognised', { year: a.recognisedYear })}: ${label(povertyStatusLabels[a.recognisedStatus])}`
              : t('poverty.notRecognised')}
          </span>
        </Space>
      </Space>
      <SheetAnswers
        key={`${a.year}:${a.version}`}
        householdId={householdId}
        sheet={a}
        editable={can(user.role, 'poverty.write')}
      />
    </>
  );
}

function SheetAnswers({
  householdId,
  sheet,
  editable,
}: {
  householdId: string;
  sheet: PovertyAssessment;
  editable: boolean;
}) {
  const { t, label, language } = useI18n();
  const { message } = App.useApp();
  const update = useUpdatePovertyAssessment(householdId, sheet.year);
  const [answers, setAnswers] = useState<Record<string, Answer>>(
    Object.fromEntries(sheet.indicators.map((i) => [i.key, answerOf(i.override)])),
  );
  const [requested, setRequested] = useState(sheet.reviewRequested);
  const [note, setNote] = useState(sheet.reviewNote ?? '');

  const save = () => {
    const overrides = Object.fromEntries(
      sheet.indicators
        .filter((i) => answers[i.key] !== answerOf(i.override))
        .map((i) => [i.key, answers[i.key] === 'facts' ? null : answers[i.key] === 'yes']),
    );
    update.mutate(
      {
        version: sheet.version,
        overrides,
        reviewRequested: requested,
        reviewNote: note.trim() ? note.trim() : null,
      },
      { onSuccess: () => void message.success(t('poverty.saved')) },
    );
  };
  const factText = (deprived: boolean | null) =>
    deprived === null ? t('poverty.unknown') : deprived ? t('poverty.deprived') : t('poverty.notDeprived');

  return (
    <div className="section">
      <ul className="poverty-indicators">
        {sheet.indicators.map((i) => (
          <li key={i.key} data-testid="poverty-indicator" data-key={i.key} data-counted={String(i.counted)}>
            <div className="poverty-indicator-head">
              <strong>{label(povertyIndicatorInfo[i.key])}</strong>
              <Tag color={i.counted ? 'red' : undefined}>
                {i.counted ? t('poverty.deprived') : t('poverty.notDeprived')}
              </Tag>
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t('poverty.facts')}: {factText(i.deprived)} — {label(i.reason)}
            </Typography.Text>
            {editable ? (
              <Select<Answer>
                size="small"
                value={answers[i.key]}
                onChange={(value) => setAnswers({ ...answers, [i.key]: value })}
                style={{ minWidth: 170 }}
                aria-label={t('poverty.answer')}
                options={[
                  { value: 'facts', label: t('poverty.useFacts') },
                  { value: 'yes', label: t('poverty.deprived') },
                  { value: 'no', label: t('poverty.notDeprived') },
                ]}
              />
            ) : null}
          </li>
        ))}
      </ul>
      {editable ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Checkbox
            checked={requested}
            onChange={(e) => setRequested(e.target.checked)}
            data-testid="poverty-requested"
          >
            {t('poverty.reviewRequested')}
          </Checkbox>
          <Input.TextArea
            rows={2}
            maxLength={1000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder={t('poverty.reviewNote')}
          />
          {update.error ? (
            <Alert type="error" showIcon title={errorToMessage(update.error, language)} />
          ) : null}
          <Button type="primary" onClick={save} loading={update.isPending} data-testid="poverty-save">
            {t('poverty.save')}
          </Button>
        </Space>
      ) : null}
    </div>
  );
}
