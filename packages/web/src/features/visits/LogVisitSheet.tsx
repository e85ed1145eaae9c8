import { useRef } from 'react';
import { Alert, App, Button, Checkbox, DatePicker, Drawer, Form, Input, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { v7 as uuidv7 } from 'uuid';
import {
  movementLabels,
  movements,
  persuasionResultLabels,
  persuasionResults,
  todayInVietnam,
  visitKindLabels,
  visitKinds,
  type Movement,
  type PersuasionResult,
  type VisitKind,
} from '@caunoi/domain';
import { isApiError } from '../../api/api-error';
import { errorToMessage } from '../../api/error-message';
import { useIsPhone } from '../../components/use-is-phone';
import { useI18n } from '../../i18n/i18n-context';
import { useLogVisit } from './mutations';

export interface VisitTarget {
  id: string;
  code: string;
  headName: string;
}

interface Values {
  kind: VisitKind;
  date: Dayjs;
  notes?: string;
  movements?: Movement[];
  persuasion?: PersuasionResult;
}

const dateFormat = 'DD/MM/YYYY';

/**
 * One tap from the worklist: a sheet from the bottom of a phone (the side on a
 * desktop) with the kind preselected, today's date and a note. The visit's id
 * is made when the sheet opens, so pressing "save" again after a lost answer
 * stores it once.
 */
export function LogVisitSheet({
  household,
  memberId,
  onClose,
}: {
  household: VisitTarget | null;
  /** Set when somebody records a visit on a member's behalf. */
  memberId?: string | undefined;
  onClose: () => void;
}) {
  const { t, label, language } = useI18n();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const [form] = Form.useForm<Values>();
  const logVisit = useLogVisit();
  const id = useRef(uuidv7());

  const close = () => {
    logVisit.reset();
    form.resetFields();
    id.current = uuidv7();
    onClose();
  };

  // The server warns of the same visit already recorded (same day, member, kind): the user decides.
  const duplicate = isApiError(logVisit.error) && logVisit.error.code === 'VISIT_POSSIBLE_DUPLICATE';

  const submit = (values: Values, confirmDuplicate = false) => {
    if (!household) return;
    const notes = values.notes?.trim();
    logVisit.mutate(
      {
        id: id.current,
        label: `${household.headName} (${household.code})`,
        householdId: household.id,
        ...(memberId ? { memberId } : {}),
        date: values.date.format('YYYY-MM-DD'),
        kind: values.kind,
        ...(notes ? { notes } : {}),
        ...(confirmDuplicate ? { confirmDuplicate: true } : {}),
        ...(values.movements?.length ? { movements: values.movements } : {}),
        ...(values.persuasion ? { persuasion: { result: values.persuasion } } : {}),
      },
      {
        onSuccess: (outcome) => {
          void message.success(outcome.queued ? t('offline.queuedSaved') : t('visits.saved'));
          close();
        },
      },
    );
  };

  return (
    <Drawer
      open={household !== null}
      onClose={close}
      placement={isPhone ? 'bottom' : 'right'}
      size={isPhone ? 'min(600px, 92vh)' : 440}
      title={t('visits.logTitle')}
      destroyOnHidden
      data-testid="visit-sheet"
      footer={
        <Button
          type="primary"
          block
          size="large"
          loading={logVisit.isPending}
          onClick={() => form.submit()}
          data-testid="visit-submit"
        >
          {t('visits.save')}
        </Button>
      }
    >
      {household ? (
        <p className="muted" data-testid="visit-household">
          {t('visits.household')}: <strong>{household.headName}</strong> ({household.code})
        </p>
      ) : null}
      {duplicate ? (
        <Alert
          type="warning"
          showIcon
          className="section"
          title={t('visits.duplicateTitle')}
          description={t('visits.duplicateText')}
          data-testid="visit-duplicate"
          action={
            <Button
              size="small"
              onClick={() => submit(form.getFieldsValue(), true)}
              data-testid="visit-duplicate-confirm"
            >
              {t('visits.duplicateConfirm')}
            </Button>
          }
        />
      ) : logVisit.error ? (
        <Alert type="error" showIcon className="section" title={errorToMessage(logVisit.error, language)} />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(values) => submit(values)}
        onValuesChange={() => {
          // Another day or kind is another visit: the warning no longer applies.
          if (duplicate) logVisit.reset();
        }}
        requiredMark={false}
        disabled={logVisit.isPending}
        initialValues={{ kind: 'home_visit', date: dayjs(todayInVietnam()) }}
      >
        <Form.Item
          name="kind"
          label={t('visits.kind')}
          rules={[{ required: true, message: t('visits.required') }]}
        >
          <Radio.Group className="visit-kinds" optionType="button" buttonStyle="solid">
            {visitKinds.map((kind) => (
              <Radio.Button key={kind} value={kind}>
                {/* On the visible label: the radio input itself is hidden. */}
                <span data-testid={`visit-kind-${kind}`}>{label(visitKindLabels[kind])}</span>
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="date"
          label={t('visits.date')}
          rules={[{ required: true, message: t('visits.required') }]}
        >
          <DatePicker
            format={dateFormat}
            allowClear={false}
            inputReadOnly
            style={{ width: '100%' }}
            disabledDate={(d) => d.isAfter(dayjs(todayInVietnam()), 'day')}
            data-testid="visit-date"
          />
        </Form.Item>
        <Form.Item name="notes" label={t('visits.notes')}>
          <Input.TextArea
            rows={3}
            maxLength={2000}
            placeholder={t('visits.notesPlaceholder')}
            data-testid="visit-notes"
          />
        </Form.Item>
        <Form.Item name="movements" label={t('visits.movements')}>
          <Checkbox.Group
            style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
            options={movements.map((m) => ({ value: m, label: label(movementLabels[m]) }))}
            data-testid="visit-movements"
          />
        </Form.Item>
        <Form.Item name="persuasion" label={t('visits.persuasion')} extra={t('visits.persuasionHint')}>
          <Select
            allowClear
            options={persuasionResults.map((r) => ({ value: r, label: label(persuasionResultLabels[r]) }))}
            data-testid="visit-persuasion"
          />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
