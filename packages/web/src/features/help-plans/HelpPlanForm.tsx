import { Alert, App, Checkbox, Form, Input, InputNumber, Modal } from 'antd';
import { povertyCauseLabels, povertyCauses, type HelpPlan, type PovertyCause } from '@caunoi/domain';
import { errorToMessage } from '../../api/error-message';
import { useI18n } from '../../i18n/i18n-context';
import { useCreateHelpPlan, useUpdateHelpPlan } from './mutations';

interface Values {
  causes: PovertyCause[];
  wishes?: string;
  targetYear?: number | null;
}

/** Starts the household's plan, or changes its causes, wishes and target year. */
export function HelpPlanForm({
  householdId,
  plan,
  open,
  onClose,
}: {
  householdId: string;
  plan: HelpPlan | null;
  open: boolean;
  onClose: () => void;
}) {
  const { t, label, language } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateHelpPlan();
  const update = useUpdateHelpPlan(plan?.id ?? '');
  const saving = create.isPending || update.isPending;
  const error = create.error ?? update.error;

  const close = () => {
    create.reset();
    update.reset();
    onClose();
  };
  const submit = (values: Values) => {
    const fields = {
      causes: values.causes,
      wishes: values.wishes?.trim() ? values.wishes.trim() : null,
      targetYear: values.targetYear ?? null,
    };
    const done = {
      onSuccess: () => {
        void message.success(t('help.saved'));
        close();
      },
    };
    if (plan) update.mutate({ version: plan.version, ...fields }, done);
    else create.mutate({ householdId, ...fields }, done);
  };

  return (
    <Modal
      open={open}
      onCancel={close}
      title={t('help.title')}
      okText={t('help.save')}
      cancelText={t('app.cancel')}
      onOk={() => form.submit()}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'help-plan-save' }}
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
          causes: plan?.causes ?? [],
          wishes: plan?.wishes ?? '',
          targetYear: plan?.targetYear ?? null,
        }}
      >
        <Form.Item
          name="causes"
          label={t('help.causes')}
          rules={[{ required: true, type: 'array', min: 1, message: t('help.causesRequired') }]}
        >
          <Checkbox.Group
            className="help-causes"
            options={povertyCauses.map((c) => ({ value: c, label: label(povertyCauseLabels[c]) }))}
          />
        </Form.Item>
        <Form.Item name="wishes" label={t('help.wishes')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="targetYear" label={t('help.targetYear')}>
          <InputNumber min={2020} max={2035} style={{ width: 140 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
