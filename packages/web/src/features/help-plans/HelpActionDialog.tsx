import { useRef } from 'react';
import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { v7 as uuidv7 } from 'uuid';
import {
  helpActionKindLabels,
  helpActionKinds,
  helpActionStatusLabels,
  helpActionStatuses,
  donationActionKinds,
  loanActionKinds,
  peopleActionKinds,
  todayInVietnam,
  type HelpAction,
  type HelpActionKind,
  type HelpActionStatus,
  type Household,
  formatCount,
} from '@caunoi/domain';
import { errorToMessage } from '../../api/error-message';
import { useI18n } from '../../i18n/i18n-context';
import { useSession } from '../auth/queries';
import { useCellMembers } from '../members/queries';
import { useCreateHelpAction, useUpdateHelpAction } from './mutations';

interface Values {
  kind: HelpActionKind;
  description?: string;
  ownerMemberId?: string | null;
  ownerName?: string;
  dueOn?: Dayjs | null;
  status: HelpActionStatus;
  completedOn?: Dayjs | null;
  result?: string;
  loanAmount?: number | null;
  donationAmount?: number | null;
  peopleCount?: number | null;
}

const dateFormat = 'DD/MM/YYYY';
const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
const text = (s: string | undefined) => (s?.trim() ? s.trim() : null);

/** Adds an action to the plan, or records how it went: owner, due date, status and result. */
export function HelpActionDialog({
  planId,
  cellId,
  household,
  action,
  open,
  onClose,
}: {
  planId: string;
  cellId: number;
  household: Pick<Household, 'id' | 'code' | 'headName'>;
  /** Null to add a new action. */
  action: HelpAction | null;
  open: boolean;
  onClose: () => void;
}) {
  const { t, label, language } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const target = { householdId: household.id, label: `${household.headName} (${household.code})` };
  const create = useCreateHelpAction(planId, target);
  const update = useUpdateHelpAction(action?.id ?? '', target);
  const members = useCellMembers(cellId, '', open);
  // A new action is the recording member's own unless they name someone else.
  const self = useSession().data?.memberId ?? null;
  const id = useRef(uuidv7());
  const kind = Form.useWatch('kind', form) ?? action?.kind;
  const status = Form.useWatch('status', form) ?? action?.status;
  const saving = create.isPending || update.isPending;
  const error = create.error ?? update.error;

  const close = () => {
    create.reset();
    update.reset();
    id.current = uuidv7();
    onClose();
  };
  const submit = (values: Values) => {
    const isLoan = loanActionKinds.includes(values.kind ?? action?.kind);
    const isDonation = donationActionKinds.includes(values.kind ?? action?.kind);
    const hasPeople = peopleActionKinds.includes(values.kind ?? action?.kind);
    const fields = {
      description: text(values.description),
      ownerMemberId: values.ownerMemberId ?? null,
      ownerName: text(values.ownerName),
      dueOn: iso(values.dueOn),
      status: values.status,
      completedOn: values.status === 'done' ? iso(values.completedOn) : null,
      result: text(values.result),
      ...(isLoan ? { loanAmount: values.loanAmount ?? null } : {}),
      ...(isDonation ? { donationAmount: values.donationAmount ?? null } : {}),
      ...(hasPeople ? { peopleCount: values.peopleCount ?? null } : {}),
    };
    const done = {
      onSuccess: (outcome: { queued: boolean }) => {
        void message.success(outcome.queued ? t('offline.queuedSaved') : t('help.actionSaved'));
        close();
      },
    };
    if (action) update.mutate({ version: action.version, writeId: id.current, ...fields }, done);
    else create.mutate({ id: id.current, kind: values.kind, ...fields }, done);
  };
  const notAfterToday = (d: Dayjs) => d.isAfter(dayjs(todayInVietnam()), 'day');

  return (
    <Modal
      open={open}
      onCancel={close}
      title={action ? t('help.editAction') : t('help.addAction')}
      okText={t('help.save')}
      cancelText={t('app.cancel')}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'help-action-save' }}
      confirmLoading={saving}
      destroyOnHidden
    >
      {error ? (
        <Alert type="error" showIcon className="section" title={errorToMessage(error, language)} />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        disabled={saving}
        requiredMark={false}
        initialValues={{
          kind: action?.kind,
          description: action?.description ?? '',
          ownerMemberId: action ? action.ownerMemberId : self,
          ownerName: action?.ownerName ?? '',
          dueOn: action?.dueOn ? dayjs(action.dueOn) : null,
          status: action?.status ?? 'planned',
          completedOn: action?.completedOn ? dayjs(action.completedOn) : null,
          result: action?.result ?? '',
          loanAmount: action?.loanAmount ?? null,
          donationAmount: action?.donationAmount ?? null,
          peopleCount: action?.peopleCount ?? null,
        }}
      >
        <Form.Item
          name="kind"
          label={t('help.kind')}
          rules={[{ required: true, message: t('visits.required') }]}
        >
          <Select
            disabled={action !== null}
            options={helpActionKinds.map((k) => ({ value: k, label: label(helpActionKindLabels[k]) }))}
            data-testid="help-action-kind"
          />
        </Form.Item>
        <Form.Item name="description" label={t('help.description')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Form.Item name="ownerMemberId" label={t('help.owner')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('help.ownerPlaceholder')}
            loading={members.isPending}
            options={(members.data?.items ?? []).map((m) => ({ value: m.id, label: m.fullName }))}
          />
        </Form.Item>
        <Form.Item name="ownerName" label={t('help.ownerName')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="dueOn" label={t('help.dueOn')}>
          <DatePicker format={dateFormat} inputReadOnly style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="status" label={t('help.status')}>
          <Select
            options={helpActionStatuses.map((s) => ({ value: s, label: label(helpActionStatusLabels[s]) }))}
          />
        </Form.Item>
        {status === 'done' ? (
          <Form.Item name="completedOn" label={t('help.completedOn')}>
            <DatePicker
              format={dateFormat}
              inputReadOnly
              style={{ width: '100%' }}
              disabledDate={notAfterToday}
            />
          </Form.Item>
        ) : null}
        {kind && loanActionKinds.includes(kind) ? (
          <Form.Item name="loanAmount" label={t('help.loanAmount')}>
            <InputNumber<number>
              min={0}
              step={1_000_000}
              style={{ width: '100%' }}
              formatter={(v) => (v === undefined || v === null ? '' : formatCount(Number(v)))}
              parser={(v) => Number((v ?? '').replace(/\D/g, ''))}
            />
          </Form.Item>
        ) : null}
        {kind && donationActionKinds.includes(kind) ? (
          <Form.Item name="donationAmount" label={t('help.donationAmount')}>
            <InputNumber<number>
              min={0}
              step={500_000}
              style={{ width: '100%' }}
              formatter={(v) =>
                v === undefined || v === null ? '' : new Intl.NumberFormat('vi-VN').format(Number(v))
              }
              parser={(v) => Number((v ?? '').replace(/\D/g, ''))}
            />
          </Form.Item>
        ) : null}
        {kind && peopleActionKinds.includes(kind) ? (
          <Form.Item name="peopleCount" label={t('help.peopleCount')}>
            <InputNumber min={1} max={100} />
          </Form.Item>
        ) : null}
        <Form.Item name="result" label={t('help.result')}>
          <Input.TextArea rows={2} maxLength={2000} data-testid="help-action-result" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
