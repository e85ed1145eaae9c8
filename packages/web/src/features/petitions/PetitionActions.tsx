import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Radio, Select, Space } from 'antd';
import {
  petitionActionLabels,
  unitKindLabels,
  type Petition,
  type PetitionTransitionInput,
  type PetitionUserAction,
} from '@caunoi/domain';
import { errorToMessage } from '../../api/error-message';
import { useI18n } from '../../i18n/i18n-context';
import { useTransitionPetition } from './mutations';
import { usePetitionList } from './queries';

interface Values {
  note?: string;
  answer?: string;
  targetKind?: 'unit' | 'outside';
  targetUnitId?: number;
  targetName?: string;
  mergedIntoId?: string;
}

/** The main step first; stepping back (withdraw, merge) last and quiet. */
const primary: readonly PetitionUserAction[] = ['forward', 'acknowledge', 'answer', 'relay', 'close'];

/**
 * The steps the server says this account may take now, as buttons; each opens
 * a short form (a note, where to send it, the answer) and sends the version it
 * started from, so a step taken meanwhile by someone else is refused, not repeated.
 */
export function PetitionActions({ petition }: { petition: Petition }) {
  const { t, label, language } = useI18n();
  const { message } = App.useApp();
  const [action, setAction] = useState<PetitionUserAction | null>(null);
  const [form] = Form.useForm<Values>();
  const transition = useTransitionPetition(petition.id);
  const targetKind = Form.useWatch('targetKind', form);
  const duplicates = usePetitionList({ unitId: petition.cellId, open: 'true' }, 100);

  if (petition.allowedActions.length === 0) return null;

  const close = () => {
    transition.reset();
    form.resetFields();
    setAction(null);
  };

  const submit = (values: Values) => {
    if (!action) return;
    const base = { version: petition.version, ...(values.note?.trim() ? { note: values.note.trim() } : {}) };
    let input: PetitionTransitionInput;
    if (action === 'forward') {
      input =
        values.targetKind === 'outside'
          ? { action, ...base, targetName: values.targetName?.trim() ?? '' }
          : { action, ...base, targetUnitId: values.targetUnitId! };
    } else if (action === 'answer') {
      input = { action, ...base, answer: values.answer?.trim() ?? '' };
    } else if (action === 'merge') {
      input = { action, ...base, mergedIntoId: values.mergedIntoId! };
    } else {
      input = { action, ...base };
    }
    transition.mutate(input, {
      onSuccess: () => {
        void message.success(t('petitions.stepDone', { action: label(petitionActionLabels[action]) }));
        close();
      },
    });
  };

  const others = (duplicates.data?.pages.flatMap((p) => p.items) ?? []).filter((p) => p.id !== petition.id);

  return (
    <>
      <Space wrap className="section" data-testid="petition-actions">
        {petition.allowedActions.map((a) => (
          <Button
            key={a}
            type={primary.includes(a) ? 'primary' : 'default'}
            danger={a === 'reopen'}
            onClick={() => setAction(a)}
            data-testid={`action-${a}`}
          >
            {label(petitionActionLabels[a])}
          </Button>
        ))}
      </Space>
      <Modal
        open={action !== null}
        onCancel={close}
        title={action ? label(petitionActionLabels[action]) : ''}
        destroyOnHidden
        footer={[
          <Button key="cancel" onClick={close}>
            {t('app.cancel')}
          </Button>,
          <Button
            key="submit"
            type="primary"
            loading={transition.isPending}
            onClick={() => form.submit()}
            data-testid="action-submit"
          >
            {t('petitions.confirm')}
          </Button>,
        ]}
      >
        {transition.error ? (
          <Alert
            type="error"
            showIcon
            className="section"
            title={errorToMessage(transition.error, language)}
            data-testid="action-error"
          />
        ) : null}
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={submit}
          requiredMark={false}
          disabled={transition.isPending}
          initialValues={{ targetKind: 'unit', targetUnitId: petition.forwardTargets[0]?.unitId }}
        >
          {action === 'forward' ? (
            <>
              <Form.Item name="targetKind" label={t('petitions.forwardTo')}>
                <Radio.Group
                  optionType="button"
                  options={[
                    { value: 'unit', label: t('petitions.forwardUnit') },
                    { value: 'outside', label: t('petitions.forwardOutside') },
                  ]}
                />
              </Form.Item>
              {targetKind === 'outside' ? (
                <Form.Item
                  name="targetName"
                  label={t('petitions.outsideName')}
                  rules={[{ required: true, min: 2, message: t('petitions.required') }]}
                >
                  <Input
                    maxLength={200}
                    placeholder={t('petitions.outsidePlaceholder')}
                    data-testid="forward-outside"
                  />
                </Form.Item>
              ) : (
                <Form.Item
                  name="targetUnitId"
                  label={t('petitions.forwardUnit')}
                  rules={[{ required: true, message: t('petitions.required') }]}
                >
                  <Radio.Group className="forward-targets" data-testid="forward-targets">
                    {petition.forwardTargets.map((u) => (
                      <Radio
                        key={u.unitId}
                        value={u.unitId}
                        data-testid="forward-target"
                        data-unit-id={u.unitId}
                      >
                        {u.name} <span className="muted">({label(unitKindLabels[u.kind])})</span>
                      </Radio>
                    ))}
                  </Radio.Group>
                </Form.Item>
              )}
            </>
          ) : null}
          {action === 'answer' ? (
            <Form.Item
              name="answer"
              label={t('petitions.answer')}
              rules={[{ required: true, whitespace: true, message: t('petitions.required') }]}
            >
              <Input.TextArea rows={5} maxLength={5000} showCount data-testid="answer-text" />
            </Form.Item>
          ) : null}
          {action === 'merge' ? (
            <Form.Item
              name="mergedIntoId"
              label={t('petitions.mergeInto')}
              rules={[{ required: true, message: t('petitions.required') }]}
            >
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                loading={duplicates.isFetching}
                options={others.map((p) => ({ value: p.id, label: p.title }))}
                data-testid="merge-target"
              />
            </Form.Item>
          ) : null}
          {action === 'reopen' ? (
            <Alert type="warning" showIcon className="section" title={t('petitions.reopenNote')} />
          ) : null}
          <Form.Item name="note" label={t('petitions.note')}>
            <Input.TextArea rows={2} maxLength={2000} data-testid="action-note" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
