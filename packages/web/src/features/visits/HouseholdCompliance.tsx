import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Empty, Form, Input, Select, Tag, Timeline } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import {
  can,
  complianceIssueLabels,
  complianceIssues,
  persuasionResultLabels,
  todayInVietnam,
  type ComplianceCase,
  type ComplianceIssue,
  type OpenComplianceCaseInput,
} from '@caunoi/domain';
import { api } from '../../api/client';
import { errorToMessage } from '../../api/error-message';
import { formatDate } from '../../format/date';
import { useI18n } from '../../i18n/i18n-context';
import { useCurrentUser } from '../auth/current-user';
import { visitKeys } from './queries';

interface Values {
  issue: ComplianceIssue;
  description: string;
  notedOn: Dayjs;
}

/**
 * Whether the household complies with policies and local rules: the times it
 * did not (chấp hành chưa tốt), and each persuasion by a member with its
 * result. Persuasions are recorded on a visit.
 */
export function HouseholdCompliance({ householdId }: { householdId: string }) {
  const { t, label, language } = useI18n();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const key = [...visitKeys.household(householdId), 'compliance'];
  const cases = useQuery({
    queryKey: key,
    queryFn: ({ signal }) =>
      api.get<{ items: ComplianceCase[] }>(`/households/${householdId}/compliance-cases`, signal),
  });
  const open = useMutation({
    mutationFn: (input: OpenComplianceCaseInput) =>
      api.post<ComplianceCase>(`/households/${householdId}/compliance-cases`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: visitKeys.all }),
  });
  const [form] = Form.useForm<Values>();
  const [adding, setAdding] = useState(false);
  const mayWrite = can(user.role, 'visit.write');
  const items = cases.data?.items ?? [];

  return (
    <Card
      size="small"
      className="section"
      title={t('practices.title')}
      data-testid="household-compliance"
      extra={
        mayWrite && !adding && !items.some((c) => c.resolvedOn === null) ? (
          <Button size="small" onClick={() => setAdding(true)} data-testid="compliance-open">
            {t('practices.open')}
          </Button>
        ) : null
      }
    >
      {adding ? (
        <Form<Values>
          form={form}
          layout="vertical"
          requiredMark={false}
          disabled={open.isPending}
          initialValues={{ issue: 'local_rules', notedOn: dayjs(todayInVietnam()) }}
          onFinish={(v) =>
            open.mutate(
              { issue: v.issue, description: v.description.trim(), notedOn: v.notedOn.format('YYYY-MM-DD') },
              { onSuccess: () => setAdding(false) },
            )
          }
        >
          {open.error ? (
            <Alert type="error" showIcon className="section" title={errorToMessage(open.error, language)} />
          ) : null}
          <Form.Item name="issue" label={t('practices.issue')} rules={[{ required: true }]}>
            <Select
              options={complianceIssues.map((i) => ({ value: i, label: label(complianceIssueLabels[i]) }))}
            />
          </Form.Item>
          <Form.Item
            name="description"
            label={t('practices.description')}
            rules={[{ required: true, min: 2, message: t('visits.required') }]}
          >
            <Input maxLength={500} />
          </Form.Item>
          <Form.Item name="notedOn" label={t('practices.notedOn')} rules={[{ required: true }]}>
            <DatePicker
              format="DD/MM/YYYY"
              allowClear={false}
              disabledDate={(d) => d.isAfter(dayjs(todayInVietnam()), 'day')}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={open.isPending}>
            {t('practices.save')}
          </Button>
        </Form>
      ) : null}
      {items.length > 0 ? (
        <Timeline
          items={items.map((c) => ({
            key: c.id,
            children: (
              <div data-testid="compliance-case">
                <Tag color={c.resolvedOn ? 'green' : 'orange'}>
                  {c.resolvedOn
                    ? t('practices.resolvedOn', {
                        date: formatDate(c.resolvedOn),
                        noted: formatDate(c.notedOn),
                      })
                    : t('practices.openSince', { date: formatDate(c.notedOn) })}
                </Tag>
                <div>
                  <strong>{label(complianceIssueLabels[c.issue])}</strong>: {c.description}
                </div>
                {c.persuasions.map((p) => (
                  <div key={p.id} className="muted">
                    {t('practices.persuadedBy', {
                      date: formatDate(p.date),
                      member: p.memberName,
                      result: label(persuasionResultLabels[p.result]),
                    })}
                    {p.note ? ` — ${p.note}` : ''}
                  </div>
                ))}
              </div>
            ),
          }))}
        />
      ) : adding ? null : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('practices.none')} />
      )}
    </Card>
  );
}
