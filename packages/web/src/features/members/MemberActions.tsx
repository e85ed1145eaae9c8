import { useState } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router';
import {
  positionKindLabels,
  positionKinds,
  todayInVietnam,
  type MemberDetail,
  type PositionKind,
} from '@caunoi/domain';
import { errorToMessage } from '../../api/error-message';
import { formatDate } from '../../format/date';
import { useI18n } from '../../i18n/i18n-context';
import { dateFormat } from '../assignments/AssignDialog';
import { useAddExemption, useAddPosition, useConfirmOfficial } from './lifecycle-mutations';

type Dialog = 'exempt' | 'official' | 'position' | null;

interface Values {
  startDate: Dayjs;
  endDate?: Dayjs | null;
  reason?: string;
  position?: PositionKind;
  concurrentPost?: string;
}

const iso = (d: Dayjs) => d.format('YYYY-MM-DD');

/** The member page's actions: the transfer and leaving screens, and dialogs for the dated periods. */
export function MemberActions({ member }: { member: MemberDetail }) {
  const { t, label, language } = useI18n();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm<Values>();
  const exempt = useAddExemption(member.id);
  const official = useConfirmOfficial(member.id);
  const position = useAddPosition(member.id);
  const mutation = dialog === 'exempt' ? exempt : dialog === 'official' ? official : position;
  const startDate = Form.useWatch('startDate', form) as Dayjs | undefined;

  const close = () => {
    exempt.reset();
    official.reset();
    position.reset();
    form.resetFields();
    setDialog(null);
  };
  const done = {
    onSuccess: () => {
      void message.success(t('memberLifecycle.done'));
      close();
    },
  };
  const submit = (v: Values) => {
    if (dialog === 'exempt')
      exempt.mutate(
        { startDate: iso(v.startDate), endDate: v.endDate ? iso(v.endDate) : null, reason: v.reason!.trim() },
        done,
      );
    else if (dialog === 'official')
      official.mutate({ version: member.version, date: iso(v.startDate) }, done);
    else
      position.mutate(
        {
          position: v.position!,
          unitId: null,
          concurrentPost: v.concurrentPost?.trim() ? v.concurrentPost.trim() : null,
          startDate: iso(v.startDate),
          endDate: v.endDate ? iso(v.endDate) : null,
        },
        done,
      );
  };

  const titles: Record<Exclude<Dialog, null>, string> = {
    exempt: t('memberLifecycle.exempt'),
    official: t('memberLifecycle.official'),
    position: t('memberLifecycle.positions'),
  };

  return (
    <>
      <Space wrap className="section" data-testid="member-actions">
        <Link to={`/members/${member.id}/transfer`}>
          <Button type="primary" data-testid="action-transfer">
            {t('memberLifecycle.transfer')}
          </Button>
        </Link>
        <Link to={`/members/${member.id}/leave`}>
          <Button danger data-testid="action-leave">
            {t('memberLifecycle.leave')}
          </Button>
        </Link>
        <Button onClick={() => setDialog('exempt')} data-testid="action-exempt">
          {t('memberLifecycle.exempt')}
        </Button>
        {member.status === 'probationary' ? (
          <Button onClick={() => setDialog('official')} data-testid="action-official">
            {t('memberLifecycle.official')}
          </Button>
        ) : null}
        <Button onClick={() => setDialog('position')} data-testid="action-position">
          {t('memberLifecycle.positions')}
        </Button>
      </Space>
      <Modal
        open={dialog !== null}
        title={dialog ? titles[dialog] : ''}
        onCancel={close}
        destroyOnHidden
        okText={dialog === 'official' ? t('memberLifecycle.confirmOk') : t('memberLifecycle.add')}
        cancelText={t('app.cancel')}
        okButtonProps={{ loading: mutation.isPending }}
        onOk={() => form.submit()}
      >
        {mutation.error ? (
          <Alert type="error" showIcon className="section" title={errorToMessage(mutation.error, language)} />
        ) : null}
        <Form<Values>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={submit}
          initialValues={{ startDate: dayjs(todayInVietnam()), position: 'secretary' }}
        >
          {dialog === 'position' ? (
            <>
              <Form.Item name="position" label={t('memberLifecycle.position')}>
                <Select
                  options={positionKinds.map((k) => ({ value: k, label: label(positionKindLabels[k]) }))}
                />
              </Form.Item>
              <Form.Item name="concurrentPost" label={t('memberLifecycle.concurrentPost')}>
                <Input maxLength={120} />
              </Form.Item>
            </>
          ) : null}
          <Form.Item
            name="startDate"
            label={dialog === 'official' ? t('memberLifecycle.officialDate') : t('memberLifecycle.startDate')}
            rules={[{ required: true, message: t('memberLifecycle.required') }]}
          >
            <DatePicker format={dateFormat} allowClear={false} inputReadOnly style={{ width: '100%' }} />
          </Form.Item>
          {dialog === 'official' && startDate ? (
            <p>
              {t('memberLifecycle.officialConfirm', {
                name: member.fullName,
                date: formatDate(iso(startDate)),
              })}
            </p>
          ) : null}
          {dialog === 'exempt' || dialog === 'position' ? (
            <Form.Item name="endDate" label={t('memberLifecycle.endDate')}>
              <DatePicker format={dateFormat} inputReadOnly style={{ width: '100%' }} />
            </Form.Item>
          ) : null}
          {dialog === 'exempt' ? (
            <Form.Item
              name="reason"
              label={t('memberLifecycle.reason')}
              rules={[{ required: true, min: 2, whitespace: true, message: t('memberLifecycle.required') }]}
            >
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          ) : null}
        </Form>
      </Modal>
    </>
  );
}
