import { useState } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Select, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { todayInVietnam, type Assignment, type Household, type Member } from '@caunoi/domain';
import { errorToMessage } from '../../api/error-message';
import { useDebounced } from '../../components/use-debounced';
import { formatDate } from '../../format/date';
import { formatNumber } from '../../format/number';
import { cellRoleLabels } from '@caunoi/domain';
import { useI18n } from '../../i18n/i18n-context';
import { useCellMembers } from '../members/queries';
import { useCreateAssignment } from './mutations';

interface Values {
  memberId: string;
  startDate: Dayjs;
  reason?: string;
}

export const dateFormat = 'DD/MM/YYYY';

/** The first day a new assignment may start: today, or the day after a current one that is already set to end. */
function firstFreeDay(current: Assignment | undefined): Dayjs {
  const today = dayjs(todayInVietnam());
  if (!current?.endDate) return today;
  const after = dayjs(current.endDate).add(1, 'day');
  return after.isAfter(today) ? after : today;
}

/**
 * Choose a member of the household's cell. When someone follows the household
 * with no end date the choice is a transfer: the server ends the current
 * assignment the day before, in the same transaction (replaceCurrent).
 */
export function AssignDialog({
  household,
  current,
  open,
  onClose,
}: {
  household: Household;
  /** The assignment in force today, once the history has loaded. */
  current: Assignment | undefined;
  open: boolean;
  onClose: () => void;
}) {
  const { t, label, language } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const members = useCellMembers(household.cellId, q, open);
  const create = useCreateAssignment();
  const isTransfer = current ? current.endDate === null : household.assignedMemberId !== null;

  const close = () => {
    create.reset();
    form.resetFields();
    setSearch('');
    onClose();
  };

  const submit = (values: Values) => {
    const chosen = members.data?.items.find((m) => m.id === values.memberId);
    create.mutate(
      {
        householdId: household.id,
        memberId: values.memberId,
        startDate: values.startDate.format('YYYY-MM-DD'),
        ...(values.reason?.trim() ? { reason: values.reason.trim() } : {}),
        replaceCurrent: isTransfer,
      },
      {
        onSuccess: (assignment) => {
          void message.success(t('assign.success', { name: chosen?.fullName ?? assignment.memberName }));
          close();
        },
      },
    );
  };

  const option = (m: Member) => (
    <div data-testid="member-option" data-member-id={m.id} data-member-code={m.code}>
      <div>
        {m.fullName} {m.id === household.assignedMemberId ? <Tag>{t('assign.current')}</Tag> : null}
      </div>
      <div className="muted" style={{ fontSize: 12 }}>
        {m.code} · {label(cellRoleLabels[m.role])} ·{' '}
        {t('assign.households', { count: formatNumber(m.householdCount) })}
        {m.exempt ? ` · ${t('members.exempt')}` : ''}
      </div>
    </div>
  );

  return (
    <Modal
      open={open}
      onCancel={close}
      title={t('assign.title')}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={close}>
          {t('app.cancel')}
        </Button>,
        <Button
          key="submit"
          type="primary"
          loading={create.isPending}
          onClick={() => form.submit()}
          data-testid="assign-submit"
        >
          {t('assign.submit')}
        </Button>,
      ]}
    >
      {isTransfer ? (
        <Alert
          type="info"
          showIcon
          className="section"
          title={t('assign.transferNote', { name: household.assignedMemberName ?? '' })}
        />
      ) : current?.endDate ? (
        <Alert
          type="info"
          showIcon
          className="section"
          title={t('assign.endingNote', { name: current.memberName, date: formatDate(current.endDate) })}
        />
      ) : null}
      {create.error ? (
        <Alert
          type="error"
          showIcon
          className="section"
          title={errorToMessage(create.error, language)}
          data-testid="assign-error"
        />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ startDate: firstFreeDay(current) }}
        disabled={create.isPending}
        requiredMark={false}
      >
        <Form.Item
          name="memberId"
          label={t('assign.member')}
          rules={[{ required: true, message: t('assign.memberRequired') }]}
        >
          <Select<string>
            data-testid="member-select"
            placeholder={t('assign.memberPlaceholder')}
            showSearch={{ filterOption: false, onSearch: setSearch }}
            loading={members.isFetching}
            notFoundContent={members.isFetching ? t('app.loading') : t('members.empty')}
            options={(members.data?.items ?? []).map((m) => ({
              value: m.id,
              label: m.fullName,
              disabled: m.id === household.assignedMemberId,
              member: m,
            }))}
            optionRender={(item) => option(item.data.member)}
            popupMatchSelectWidth
            listHeight={320}
          />
        </Form.Item>
        <Form.Item
          name="startDate"
          label={t('assign.startDate')}
          rules={[{ required: true, message: t('assign.dateRequired') }]}
        >
          <DatePicker
            format={dateFormat}
            allowClear={false}
            style={{ width: '100%' }}
            data-testid="assign-start-date"
            inputReadOnly
          />
        </Form.Item>
        <Form.Item name="reason" label={t('assign.reason')}>
          <Input.TextArea
            rows={2}
            maxLength={500}
            placeholder={t('assign.reasonPlaceholder')}
            data-testid="assign-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
