import { useMemo, useState } from 'react';
import {
  Alert,
  App,
  Checkbox,
  Descriptions,
  Input,
  InputNumber,
  Modal,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import {
  rateScoreSheet,
  ratingStepLabels,
  resultLevelLabels,
  type CapWarning,
  type RatingBoardRow,
  type RatingFramework,
  type RatingStep,
  formatDecimal,
} from '@caunoi/domain';
import { errorToMessage } from '../../api/error-message';
import { useI18n } from '../../i18n/i18n-context';
import { useTakeRatingStep } from './mutations';
import { levelColor } from './level-color';

/**
 * The score sheet of one step: every item of the framework with its maximum,
 * the triggers, the live total and level (the domain's rateScoreSheet, the
 * same rule the server applies), then the cap warning the server returns.
 */
export function ScoreSheetDialog({
  row,
  step,
  year,
  framework,
  onClose,
}: {
  row: RatingBoardRow;
  step: RatingStep;
  year: number;
  framework: RatingFramework;
  onClose: () => void;
}) {
  const { t, label, language } = useI18n();
  const { message } = App.useApp();
  const take = useTakeRatingStep();
  const latest = row.rating?.steps.at(-1);
  const [scores, setScores] = useState<Record<string, number>>(() => ({ ...(latest?.scores ?? {}) }));
  const [triggers, setTriggers] = useState<string[]>(() => [...(latest?.triggers ?? [])]);
  const [note, setNote] = useState('');
  const [warning, setWarning] = useState<CapWarning | null>(null);
  const rated = useMemo(() => rateScoreSheet(framework, { scores, triggers }), [framework, scores, triggers]);
  const complete = rated.issues.length === 0;

  const submit = () => {
    take.mutate(
      {
        subject: row.subject,
        ...(row.subject === 'member' ? { memberId: row.memberId! } : { unitId: row.unitId }),
        year,
        step,
        scores,
        triggers,
        note: note.trim() === '' ? null : note.trim(),
        ...(row.rating ? { version: row.rating.version } : {}),
      },
      {
        onSuccess: (result) => {
          void message.success(t('ratings.saved'));
          if (result.capWarning?.check.exceeded) setWarning(result.capWarning);
          else onClose();
        },
      },
    );
  };

  const items = framework.groups.flatMap((g) =>
    g.items.map((i) => ({ ...i, group: g.name, groupCode: g.code })),
  );
  return (
    <Modal
      open
      width={760}
      title={`${label(ratingStepLabels[step])} · ${row.memberName ?? row.unitName} · ${year}`}
      okText={warning ? t('ratings.close') : label(ratingStepLabels[step])}
      okButtonProps={{ disabled: !warning && !complete, loading: take.isPending }}
      onOk={warning ? onClose : submit}
      onCancel={onClose}
      destroyOnHidden
    >
      {warning ? (
        <Alert
          type="warning"
          showIcon
          data-testid="cap-warning"
          message={t('ratings.capExceeded', {
            unit: warning.unitName,
            excellent: warning.check.excellent,
            allowed: warning.check.allowed ?? 0,
            basis: warning.check.basis,
            percent: warning.check.capPercent ?? 0,
          })}
        />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            {framework.name} — {framework.source}
          </Typography.Text>
          <Table
            size="small"
            rowKey="code"
            pagination={false}
            dataSource={items}
            columns={[
              { title: t('ratings.item'), render: (_: unknown, i) => `${i.code}. ${i.text}` },
              { title: t('ratings.max'), dataIndex: 'maxPoints', width: 70, align: 'right' },
              {
                title: t('ratings.points'),
                width: 110,
                render: (_: unknown, i) => (
                  <InputNumber
                    aria-label={`${i.code} ${i.text}`}
                    data-testid={`score-${i.code}`}
                    min={0}
                    max={i.maxPoints}
                    step={0.5}
                    precision={1}
                    value={scores[i.code] ?? null}
                    onChange={(value) =>
                      setScores((s) => {
                        const next = { ...s };
                        if (value === null) delete next[i.code];
                        else next[i.code] = value;
                        return next;
                      })
                    }
                  />
                ),
              },
            ]}
          />
          {framework.triggers.length > 0 ? (
            <div>
              <Typography.Text strong>{t('ratings.triggers')}</Typography.Text>
              <Checkbox.Group
                style={{ display: 'flex', flexDirection: 'column' }}
                value={triggers}
                onChange={(v) => setTriggers(v as string[])}
                options={framework.triggers.map((tr) => ({
                  value: tr.code,
                  label: `${tr.text} → ${label(resultLevelLabels[tr.forcesLevel])}`,
                }))}
              />
            </div>
          ) : null}
          <Input.TextArea
            rows={2}
            maxLength={1000}
            placeholder={t('ratings.note')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('ratings.total')}>
              <span data-testid="score-total">{formatDecimal(rated.total, language)}</span>
              {' / '}
              {framework.maxScore}
            </Descriptions.Item>
            <Descriptions.Item label={t('ratings.level')}>
              <Tag color={levelColor[rated.level]} data-testid="score-level">
                {label(resultLevelLabels[rated.level])}
              </Tag>
            </Descriptions.Item>
          </Descriptions>
          {rated.forcedBy.length > 0 ? <Alert type="info" showIcon message={t('ratings.forced')} /> : null}
          {!complete ? (
            <Typography.Text type="secondary">
              {t('ratings.incomplete', { count: rated.issues.length })}
            </Typography.Text>
          ) : null}
          {take.isError ? (
            <Alert type="error" showIcon message={errorToMessage(take.error, language)} />
          ) : null}
        </Space>
      )}
    </Modal>
  );
}
