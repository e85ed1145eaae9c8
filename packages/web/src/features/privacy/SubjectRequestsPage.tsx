import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import {
  can,
  subjectRequestKind,
  subjectRequestKindLabels,
  subjectRequestOutcome,
  todayInVietnam,
  type SubjectRequest,
  type SubjectRequestKind,
  type SubjectRequestOutcome,
} from '@caunoi/domain';
import { errorToMessage } from '../../api/error-message';
import { ErrorState } from '../../components/ErrorState';
import { PageTitle } from '../../components/PageTitle';
import { useDebounced } from '../../components/use-debounced';
import { formatDate } from '../../format/date';
import { useI18n } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/dictionary.vi';
import { useCurrentUser } from '../auth/current-user';
import { useHouseholdList } from '../households/queries';
import { useActOnRequest, useCreateSubjectRequest, useSubjectRequests } from './queries';

const timelinessColor: Record<SubjectRequest['timeliness'], string> = {
  open: 'blue',
  overdue: 'red',
  answered_on_time: 'green',
  answered_late: 'orange',
};

interface NewValues {
  householdId: string;
  requesterName: string;
  kind: SubjectRequestKind;
  details?: string;
  receivedOn: dayjs.Dayjs;
}

/** Household members' requests about their data: registered with their deadlines, acknowledged, answered. */
export default function SubjectRequestsPage() {
  const { t, label, language } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const requests = useSubjectRequests(user.scopeUnitId);
  const create = useCreateSubjectRequest();
  const act = useActOnRequest();
  const [adding, setAdding] = useState(false);
  const [answering, setAnswering] = useState<SubjectRequest | null>(null);
  const [search, setSearch] = useState('');
  const q = useDebounced(search);
  const households = useHouseholdList({ q: q || undefined });
  const [form] = Form.useForm<NewValues>();
  const [answerForm] = Form.useForm<{ outcome: SubjectRequestOutcome; answer: string }>();
  const mayWrite = can(user.role, 'privacy.write');
  const fail = (error: unknown) => void message.error(errorToMessage(error, language));

  const submit = (v: NewValues) =>
    create.mutate(
      {
        householdId: v.householdId,
        requesterName: v.requesterName,
        kind: v.kind,
        details: v.details?.trim() ? v.details : null,
        receivedOn: v.receivedOn.format('YYYY-MM-DD'),
      },
      {
        onSuccess: () => {
          form.resetFields();
          setAdding(false);
        },
        onError: fail,
      },
    );

  const submitAnswer = (v: { outcome: SubjectRequestOutcome; answer: string }) => {
    if (!answering) return;
    act.mutate(
      { id: answering.id, action: { action: 'answer', version: answering.version, ...v } },
      { onSuccess: () => setAnswering(null), onError: fail },
    );
  };

  return (
    <>
      <PageTitle
        title={t('privacy.requestsTitle')}
        extra={
          mayWrite ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setAdding(true)}
              data-testid="request-new"
            >
              {t('privacy.newRequest')}
            </Button>
          ) : null
        }
      />
      <Alert type="info" showIcon message={t('privacy.deadlineRule')} style={{ marginBottom: 12 }} />
      {adding ? (
        <Card size="small" className="section" title={t('privacy.newRequest')}>
          <Form
            form={form}
            layout="vertical"
            onFinish={submit}
            initialValues={{ kind: 'access', receivedOn: dayjs(todayInVietnam()) }}
          >
            <Form.Item name="householdId" label={t('privacy.household')} rules={[{ required: true }]}>
              <Select
                showSearch
                filterOption={false}
                onSearch={setSearch}
                options={(households.data?.pages ?? [])
                  .flatMap((p) => p.items)
                  .map((h) => ({ value: h.id, label: `${h.code} · ${h.headName}` }))}
              />
            </Form.Item>
            <Form.Item
              name="requesterName"
              label={t('privacy.requester')}
              rules={[{ required: true, whitespace: true }]}
            >
              <Input maxLength={120} />
            </Form.Item>
            <Form.Item name="kind" label={t('privacy.kind')} rules={[{ required: true }]}>
              <Select
                options={subjectRequestKind.options.map((k) => ({
                  value: k,
                  label: label(subjectRequestKindLabels[k]),
                }))}
              />
            </Form.Item>
            <Form.Item name="details" label={t('privacy.details')}>
              <Input.TextArea maxLength={2000} rows={3} />
            </Form.Item>
            <Form.Item name="receivedOn" label={t('privacy.receivedOn')} rules={[{ required: true }]}>
              <DatePicker
                format="DD/MM/YYYY"
                style={{ width: '100%' }}
                disabledDate={(d) => d.format('YYYY-MM-DD') > todayInVietnam()}
              />
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
      {answering ? (
        <Card size="small" className="section" title={`${t('privacy.answer')}: ${answering.requesterName}`}>
          <Form
            form={answerForm}
            layout="vertical"
            onFinish={submitAnswer}
            initialValues={{ outcome: 'done' }}
          >
            <Form.Item name="outcome" label={t('privacy.outcome')} rules={[{ required: true }]}>
              <Select
                options={subjectRequestOutcome.options.map((o) => ({
                  value: o,
                  label: t(`privacy.outcome.${o}` as MessageKey),
                }))}
              />
            </Form.Item>
            <Form.Item
              name="answer"
              label={t('privacy.answerText')}
              rules={[{ required: true, whitespace: true }]}
            >
              <Input.TextArea maxLength={4000} rows={4} />
            </Form.Item>
            <Space wrap>
              <Popconfirm title={t('privacy.answerConfirm')} onConfirm={() => answerForm.submit()}>
                <Button type="primary" loading={act.isPending}>
                  {t('privacy.answer')}
                </Button>
              </Popconfirm>
              <Button onClick={() => setAnswering(null)}>{t('book.cancel')}</Button>
            </Space>
          </Form>
        </Card>
      ) : null}
      {requests.isError ? (
        <ErrorState error={requests.error} onRetry={() => void requests.refetch()} />
      ) : null}
      <Table<SubjectRequest>
        rowKey="id"
        size="small"
        loading={requests.isPending}
        dataSource={requests.data?.items ?? []}
        scroll={{ x: 900 }}
        pagination={false}
        data-testid="requests-table"
        columns={[
          { title: t('privacy.receivedOn'), dataIndex: 'receivedOn', render: formatDate },
          { title: t('privacy.household'), dataIndex: 'householdCode' },
          { title: t('privacy.requester'), dataIndex: 'requesterName' },
          {
            title: t('privacy.kind'),
            dataIndex: 'kind',
            render: (k: SubjectRequestKind) => label(subjectRequestKindLabels[k]),
          },
          { title: t('privacy.acknowledgeBy'), dataIndex: 'acknowledgeBy', render: formatDate },
          { title: t('privacy.answerBy'), dataIndex: 'answerBy', render: formatDate },
          {
            title: t('privacy.state'),
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                <span>{t(`privacy.state.${r.state}` as MessageKey)}</span>
                <Tag color={timelinessColor[r.timeliness]}>
                  {t(`privacy.timeliness.${r.timeliness}` as MessageKey)}
                </Tag>
              </Space>
            ),
          },
          {
            title: '',
            render: (_, r) =>
              mayWrite && r.state !== 'answered' ? (
                <Space wrap>
                  {r.state === 'received' ? (
                    <Popconfirm
                      title={t('privacy.acknowledgeConfirm')}
                      onConfirm={() =>
                        act.mutate(
                          { id: r.id, action: { action: 'acknowledge', version: r.version } },
                          { onError: fail },
                        )
                      }
                    >
                      <Button size="small">{t('privacy.acknowledge')}</Button>
                    </Popconfirm>
                  ) : null}
                  <Button size="small" type="primary" onClick={() => setAnswering(r)}>
                    {t('privacy.answer')}
                  </Button>
                </Space>
              ) : (
                r.answer
              ),
          },
        ]}
      />
    </>
  );
}
