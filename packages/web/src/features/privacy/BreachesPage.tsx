import { useState } from 'react';
import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  List,
  Popconfirm,
  Space,
  Table,
  Tag,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { Breach } from '@caunoi/domain';
import { errorToMessage } from '../../api/error-message';
import { ErrorState } from '../../components/ErrorState';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/dictionary.vi';
import { useCurrentUser } from '../auth/current-user';
import { useBreaches, useCreateBreach, useUpdateBreach } from './queries';

const clockColor: Record<Breach['clock'], string> = {
  running: 'orange',
  overdue: 'red',
  notified_on_time: 'green',
  notified_late: 'volcano',
};

/** Times shown in Vietnam's time zone, as the people reporting think of them. */
function vnTime(iso: string): string {
  return new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour12: false });
}

interface NewValues {
  title: string;
  description: string;
  discoveredAt: dayjs.Dayjs;
  dataAffected: string;
  peopleAffected?: number | null;
}

/** The breach register: each breach with its 72-hour notification clock, the notification and actions taken. */
export default function BreachesPage() {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const breaches = useBreaches(user.scopeUnitId);
  const create = useCreateBreach();
  const update = useUpdateBreach();
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<NewValues>();
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [notifiedTo, setNotifiedTo] = useState<Record<string, string>>({});
  const fail = (error: unknown) => void message.error(errorToMessage(error, language));

  const submit = (v: NewValues) =>
    create.mutate(
      {
        unitId: user.scopeUnitId,
        title: v.title,
        description: v.description,
        discoveredAt: v.discoveredAt.toISOString(),
        dataAffected: v.dataAffected,
        peopleAffected: v.peopleAffected ?? null,
      },
      {
        onSuccess: () => {
          form.resetFields();
          setAdding(false);
        },
        onError: fail,
      },
    );

  return (
    <>
      <PageTitle
        title={t('privacy.breachesTitle')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setAdding(true)}
            data-testid="breach-new"
          >
            {t('privacy.newBreach')}
          </Button>
        }
      />
      {adding ? (
        <Card size="small" className="section" title={t('privacy.newBreach')}>
          <Form form={form} layout="vertical" onFinish={submit} initialValues={{ discoveredAt: dayjs() }}>
            <Form.Item
              name="title"
              label={t('privacy.breachTitle')}
              rules={[{ required: true, whitespace: true }]}
            >
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item
              name="description"
              label={t('privacy.breachDescription')}
              rules={[{ required: true, whitespace: true }]}
            >
              <Input.TextArea maxLength={4000} rows={3} />
            </Form.Item>
            <Form.Item name="discoveredAt" label={t('privacy.discoveredAt')} rules={[{ required: true }]}>
              <DatePicker
                showTime
                format="DD/MM/YYYY HH:mm"
                style={{ width: '100%' }}
                disabledDate={(d) => d.isAfter(dayjs())}
              />
            </Form.Item>
            <Form.Item
              name="dataAffected"
              label={t('privacy.dataAffected')}
              rules={[{ required: true, whitespace: true }]}
            >
              <Input.TextArea maxLength={1000} rows={2} />
            </Form.Item>
            <Form.Item name="peopleAffected" label={t('privacy.peopleAffected')}>
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
            <Space wrap>
              <Button type="primary" htmlType="submit" loading={create.isPending}>
                {t('privacy.save')}
              </Button>
              <Button onClick={() => setAdding(false)}>{t('book.cancel')}</Button>
            </Space>
          </Form>
        </Card>
      ) : null}
      {breaches.isError ? (
        <ErrorState error={breaches.error} onRetry={() => void breaches.refetch()} />
      ) : null}
      <Table<Breach>
        rowKey="id"
        size="small"
        loading={breaches.isPending}
        dataSource={breaches.data?.items ?? []}
        pagination={false}
        scroll={{ x: 800 }}
        data-testid="breaches-table"
        expandable={{
          expandedRowRender: (b) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              <div>{b.description}</div>
              <div>
                {t('privacy.dataAffected')}: {b.dataAffected}
              </div>
              {b.notifiedAt ? (
                <div>
                  {t('privacy.notifiedAt')}: {vnTime(b.notifiedAt)} · {b.notifiedTo}
                </div>
              ) : (
                <Space wrap>
                  <Input
                    aria-label={t('privacy.notifiedTo')}
                    placeholder={t('privacy.notifiedTo')}
                    value={notifiedTo[b.id] ?? ''}
                    onChange={(e) => setNotifiedTo({ ...notifiedTo, [b.id]: e.target.value })}
                  />
                  <Popconfirm
                    title={t('privacy.notifyConfirm')}
                    onConfirm={() =>
                      update.mutate(
                        {
                          id: b.id,
                          input: {
                            version: b.version,
                            notifiedAt: new Date().toISOString(),
                            notifiedTo: notifiedTo[b.id]?.trim() || null,
                          },
                        },
                        { onError: fail },
                      )
                    }
                  >
                    <Button type="primary">{t('privacy.notify')}</Button>
                  </Popconfirm>
                </Space>
              )}
              <List
                size="small"
                header={t('privacy.actions')}
                dataSource={b.actions}
                renderItem={(a) => (
                  <List.Item>
                    {vnTime(a.at)} · {a.text}
                  </List.Item>
                )}
              />
              <Space.Compact style={{ width: '100%' }}>
                <Input
                  aria-label={t('privacy.addAction')}
                  placeholder={t('privacy.addAction')}
                  value={notes[b.id] ?? ''}
                  onChange={(e) => setNotes({ ...notes, [b.id]: e.target.value })}
                />
                <Button
                  disabled={!notes[b.id]?.trim()}
                  onClick={() =>
                    update.mutate(
                      { id: b.id, input: { version: b.version, addAction: notes[b.id]!.trim() } },
                      { onSuccess: () => setNotes({ ...notes, [b.id]: '' }), onError: fail },
                    )
                  }
                >
                  {t('privacy.addAction')}
                </Button>
              </Space.Compact>
            </Space>
          ),
        }}
        columns={[
          { title: t('privacy.breachTitle'), dataIndex: 'title' },
          { title: t('privacy.discoveredAt'), dataIndex: 'discoveredAt', render: vnTime },
          { title: t('privacy.peopleAffected'), dataIndex: 'peopleAffected' },
          { title: t('privacy.dueAt'), dataIndex: 'dueAt', render: vnTime },
          {
            title: t('privacy.state'),
            render: (_, b) => (
              <Tag color={clockColor[b.clock]}>
                {t(`privacy.clock.${b.clock}` as MessageKey, { hours: b.hoursLeft ?? 0 })}
              </Tag>
            ),
          },
        ]}
      />
    </>
  );
}
