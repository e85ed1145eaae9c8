import { Alert, App, Checkbox, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { todayInVietnam, type FourGoodBoard } from '@caunoi/domain';
import { errorToMessage } from '../../api/error-message';
import { useI18n } from '../../i18n/i18n-context';
import { useSaveFourGood } from './mutations';

type Row = FourGoodBoard['rows'][number];
type Criterion = NonNullable<FourGoodBoard['catalogue']>['criteria'][number];

interface Values {
  registeredOn: Dayjs | null;
  achieved: string[];
  note?: string;
}

const dateFormat = 'DD/MM/YYYY';

/** Registration for a year is made in that year or late in the one before it, never in the future. */
export function fourGoodDateIssue(date: string, year: number, today: string): 'future' | 'year' | null {
  if (date > today) return 'future';
  const y = Number(date.slice(0, 4));
  return y === year || y === year - 1 ? null : 'year';
}

/**
 * Registers a cell or committee for the year's "4 tốt" movement (the date
 * and a note), or, from the committee above, records its result on every
 * criterion of the year's catalogue with a live preview of the overall result.
 */
export function FourGoodDialog({
  row,
  year,
  mode,
  criteria,
  onClose,
}: {
  row: Row;
  year: number;
  mode: 'register' | 'judge';
  criteria: Criterion[];
  onClose: () => void;
}) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveFourGood();
  const today = todayInVietnam();
  const ticked = Form.useWatch('achieved', form) ?? [];
  const registration = row.registration;
  // A registration for a past year defaults to its last day, for this year to today.
  const defaultDate = registration?.registeredOn ?? (today < `${year}-12-31` ? today : `${year}-12-31`);
  const all = criteria.length > 0 && ticked.length === criteria.length;

  return (
    <Modal
      open
      title={
        <div style={{ paddingRight: 24 }}>
          {mode === 'register' ? t('fourGood.registerTitle') : t('fourGood.judge')}
          <Typography.Text type="secondary" style={{ display: 'block', fontWeight: 'normal' }}>
            {row.unitName} · {year}
          </Typography.Text>
        </div>
      }
      okText={mode === 'register' ? t('fourGood.register') : t('targets.save')}
      okButtonProps={{ loading: save.isPending, 'data-testid': 'four-good-save' }}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          registeredOn: dayjs(defaultDate),
          achieved: Object.entries(registration?.results ?? {}).flatMap(([code, ok]) => (ok ? [code] : [])),
          note: registration?.note ?? '',
        }}
        onFinish={(v) =>
          save.mutate(
            {
              unitId: row.unitId,
              year,
              registeredOn: v.registeredOn!.format('YYYY-MM-DD'),
              note: v.note?.trim() || null,
              ...(mode === 'judge'
                ? { results: Object.fromEntries(criteria.map((c) => [c.code, v.achieved.includes(c.code)])) }
                : {}),
            },
            {
              onSuccess: () => {
                void message.success(t(mode === 'register' ? 'fourGood.registered' : 'fourGood.resultSaved'));
                onClose();
              },
              onError: (error) => void message.error(errorToMessage(error, language)),
            },
          )
        }
      >
        <Form.Item
          name="registeredOn"
          label={t('fourGood.registerDate')}
          hidden={mode === 'judge'}
          rules={[
            { required: true, message: t('fourGood.dateRequired') },
            {
              validator: async (_rule, value: Dayjs | null) => {
                if (!value) return;
                const issue = fourGoodDateIssue(value.format('YYYY-MM-DD'), year, today);
                if (issue === 'future') throw new Error(t('fourGood.dateFuture'));
                if (issue === 'year')
                  throw new Error(t('fourGood.dateOutOfYear', { year, previous: year - 1 }));
              },
            },
          ]}
        >
          <DatePicker
            format={dateFormat}
            inputReadOnly
            style={{ width: '100%' }}
            data-testid="four-good-date"
          />
        </Form.Item>
        {mode === 'judge' ? (
          <>
            <Typography.Paragraph type="secondary">
              {t('fourGood.criteriaHint', { count: criteria.length })}
            </Typography.Paragraph>
            <Form.Item name="achieved">
              <Checkbox.Group
                style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
                options={criteria.map((c) => ({ value: c.code, label: c.text }))}
              />
            </Form.Item>
            <Alert
              className="section"
              type={all ? 'success' : 'info'}
              data-testid="four-good-preview"
              message={t('fourGood.resultPreview', {
                result: all ? t('fourGood.fourGood') : t('targets.notAchieved'),
                achieved: ticked.length,
                count: criteria.length,
              })}
            />
          </>
        ) : null}
        <Form.Item name="note" label={t('fourGood.note')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
