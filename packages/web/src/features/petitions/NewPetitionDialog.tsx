import { useRef } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { v7 as uuidv7 } from 'uuid';
import {
  petitionCategories,
  petitionCategoryLabels,
  petitionChannelLabels,
  petitionChannels,
  todayInVietnam,
  type Household,
  type PetitionCategory,
  type PetitionChannel,
} from '@caunoi/domain';
import { errorToMessage } from '../../api/error-message';
import { useI18n } from '../../i18n/i18n-context';
import { useCreatePetition } from './mutations';

interface Values {
  receivedOn: Dayjs;
  channel: PetitionChannel;
  category: PetitionCategory;
  title: string;
  content: string;
}

const dateFormat = 'DD/MM/YYYY';

/** The member writes down what the household asks, where they heard it; the petition starts its way up. */
export function NewPetitionDialog({
  household,
  open,
  onClose,
}: {
  household: Household;
  open: boolean;
  onClose: () => void;
}) {
  const { t, label, language } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const create = useCreatePetition();
  // One id per petition being written: a second press after a lost answer stores it once.
  const id = useRef(uuidv7());

  const close = () => {
    create.reset();
    form.resetFields();
    id.current = uuidv7();
    onClose();
  };

  const submit = (values: Values) => {
    create.mutate(
      {
        id: id.current,
        label: `${household.headName} (${household.code})`,
        householdIds: [household.id],
        receivedOn: values.receivedOn.format('YYYY-MM-DD'),
        channel: values.channel,
        category: values.category,
        title: values.title.trim(),
        content: values.content.trim(),
      },
      {
        onSuccess: (outcome) => {
          void message.success(outcome.queued ? t('offline.queuedSaved') : t('petitions.createdMessage'));
          close();
          if (!outcome.queued) void navigate(`/petitions/${outcome.result.id}`);
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      onCancel={close}
      title={t('petitions.new')}
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
          data-testid="petition-submit"
        >
          {t('petitions.save')}
        </Button>,
      ]}
    >
      <p className="muted">
        {t('petitions.household')}: {household.headName} ({household.code})
      </p>
      {create.error ? (
        <Alert type="error" showIcon className="section" title={errorToMessage(create.error, language)} />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        requiredMark={false}
        disabled={create.isPending}
        initialValues={{ receivedOn: dayjs(todayInVietnam()), channel: 'visit' }}
      >
        <Form.Item
          name="title"
          label={t('petitions.titleField')}
          rules={[{ required: true, min: 3, whitespace: true, message: t('petitions.titleRequired') }]}
        >
          <Input
            maxLength={200}
            placeholder={t('petitions.titlePlaceholder')}
            data-testid="petition-title-input"
          />
        </Form.Item>
        <Form.Item
          name="content"
          label={t('petitions.content')}
          rules={[{ required: true, whitespace: true, message: t('petitions.required') }]}
        >
          <Input.TextArea rows={4} maxLength={5000} showCount data-testid="petition-content-input" />
        </Form.Item>
        <Form.Item
          name="category"
          label={t('petitions.category')}
          rules={[{ required: true, message: t('petitions.required') }]}
        >
          <Select<PetitionCategory>
            options={petitionCategories.map((c) => ({ value: c, label: label(petitionCategoryLabels[c]) }))}
            data-testid="petition-category"
            placeholder={t('petitions.categoryPlaceholder')}
          />
        </Form.Item>
        <Form.Item name="channel" label={t('petitions.channel')}>
          <Select<PetitionChannel>
            options={petitionChannels.map((c) => ({ value: c, label: label(petitionChannelLabels[c]) }))}
            data-testid="petition-channel"
          />
        </Form.Item>
        <Form.Item
          name="receivedOn"
          label={t('petitions.receivedOn')}
          rules={[{ required: true, message: t('petitions.required') }]}
        >
          <DatePicker
            format={dateFormat}
            allowClear={false}
            style={{ width: '100%' }}
            inputReadOnly
            disabledDate={(d) => d.isAfter(dayjs(todayInVietnam()), 'day')}
            data-testid="petition-received-on"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
