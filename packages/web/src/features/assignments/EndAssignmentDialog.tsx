import { Alert, App, Button, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { todayInVietnam, type Assignment } from '@caunoi/domain';
import { errorToMessage } from '../../api/error-message';
import { useI18n } from '../../i18n/i18n-context';
import { dateFormat } from './AssignDialog';
import { useEndAssignment } from './mutations';

interface Values {
  endDate: Dayjs;
  reason?: string;
}

/** Ends an assignment on a date; the record stays in the history. */
export function EndAssignmentDialog({
  assignment,
  open,
  onClose,
}: {
  assignment: Assignment;
  open: boolean;
  onClose: () => void;
}) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const end = useEndAssignment();

  const close = () => {
    end.reset();
    form.resetFields();
    onClose();
  };
  const submit = (values: Values) =>
    end.mutate(
      {
        id: assignment.id,
        endDate: values.endDate.format('YYYY-MM-DD'),
        ...(values.reason?.trim() ? { reason: values.reason.trim() } : {}),
      },
      {
        onSuccess: () => {
          void message.success(t('assign.endSuccess'));
          close();
        },
      },
    );

  return (
    <Modal
      open={open}
      onCancel={close}
      title={t('assign.endTitle', { name: assignment.memberName })}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={close}>
          {t('app.cancel')}
        </Button>,
        <Button
          key="submit"
          danger
          type="primary"
          loading={end.isPending}
          onClick={() => form.submit()}
          data-testid="end-submit"
        >
          {t('assign.endSubmit')}
        </Button>,
      ]}
    >
      {end.error ? (
        <Alert
          type="error"
          showIcon
          className="section"
          title={errorToMessage(end.error, language)}
          data-testid="end-error"
        />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ endDate: dayjs(todayInVietnam()) }}
        disabled={end.isPending}
        requiredMark={false}
      >
        <Form.Item
          name="endDate"
          label={t('assign.endDate')}
          rules={[{ required: true, message: t('assign.dateRequired') }]}
        >
          <DatePicker
            format={dateFormat}
            allowClear={false}
            style={{ width: '100%' }}
            inputReadOnly
            disabledDate={(d) => d.isBefore(dayjs(assignment.startDate), 'day')}
          />
        </Form.Item>
        <Form.Item name="reason" label={t('assign.reason')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
