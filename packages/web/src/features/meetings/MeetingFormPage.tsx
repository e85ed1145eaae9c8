import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { v7 as uuidv7 } from 'uuid';
import {
  attendanceStatuses,
  attendanceStatusLabels,
  meetingKinds,
  meetingKindLabels,
  resolutionStatusLabels,
  todayInVietnam,
  type AttendanceStatus,
  type MeetingDetail,
  type MeetingKind,
  type ResolutionStatus,
} from '@caunoi/domain';
import { errorToMessage } from '../../api/error-message';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { PageTitle } from '../../components/PageTitle';
import { formatDate } from '../../format/date';
import { useI18n } from '../../i18n/i18n-context';
import { useCurrentUser } from '../auth/current-user';
import { useAllCellMembers } from '../members/queries';
import { useUnit } from '../units/queries';
import { AttendanceList, type AttendanceRow } from './AttendanceList';
import { monthLabel } from './MeetingTags';
import { useCreateMeeting, useUpdateMeeting } from './mutations';
import { useCellOverseers, useMeeting, useSheetOn } from './queries';
import './meetings.css';

const dateFormat = 'DD/MM/YYYY';

interface ResolutionValues {
  id?: string;
  text: string;
  followUpMemberId?: string;
  dueDate?: Dayjs | null;
  status?: ResolutionStatus;
}

interface Values {
  kind: MeetingKind;
  date: Dayjs;
  topic: string;
  chairMemberId?: string;
  overseerMemberId?: string;
  overseerAttendance?: AttendanceStatus;
  minutes?: string;
  resolutions?: ResolutionValues[];
  scores?: Record<string, number | null>;
}

function MeetingForm({ cellId, existing }: { cellId: number; existing?: MeetingDetail }) {
  const { t, label, language } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const members = useAllCellMembers(cellId);
  const cell = useUnit(cellId);
  // The id is made once, on the phone: a retried submission stores the meeting once.
  const idRef = useRef(uuidv7());
  const create = useCreateMeeting();
  const update = useUpdateMeeting(existing?.id ?? '');
  const mutation = existing ? update : create;
  const watchedDate = Form.useWatch('date', form);
  const date = (watchedDate ?? dayjs(existing?.date ?? todayInVietnam())).format('YYYY-MM-DD');
  const sameDate = existing !== undefined && existing.date === date;
  const sheetQuery = useSheetOn(cellId, date);
  const sheet = sameDate && existing?.sheet ? existing.sheet : (sheetQuery.data ?? null);
  const overseers = useCellOverseers(cellId, date);

  const rows: AttendanceRow[] = useMemo(() => {
    const current = (members.data?.items ?? [])
      .filter((m) => !m.exempt)
      .map((m) => ({ id: m.id, name: m.fullName, code: m.code }));
    const recorded = (existing?.attendance ?? []).map((a) => ({
      id: a.memberId,
      name: a.memberName,
      code: a.memberCode,
    }));
    const seen = new Set(recorded.map((r) => r.id));
    return [...recorded, ...current.filter((m) => !seen.has(m.id))];
  }, [members.data, existing]);
  const exemptCount = (members.data?.items ?? []).filter((m) => m.exempt).length;
  const [attendance, setAttendance] = useState<Record<string, AttendanceStatus>>(() =>
    Object.fromEntries((existing?.attendance ?? []).map((a) => [a.memberId, a.status])),
  );

  // The secretary chairs unless somebody else is chosen; the assigned overseer is proposed.
  useEffect(() => {
    if (existing || form.getFieldValue('chairMemberId')) return;
    const secretary = members.data?.items.find((m) => m.role === 'secretary');
    if (secretary) form.setFieldValue('chairMemberId', secretary.id);
  }, [members.data, existing, form]);
  useEffect(() => {
    if (existing || form.getFieldValue('overseerMemberId')) return;
    const first = overseers.data?.items[0];
    if (first) form.setFieldValue('overseerMemberId', first.memberId);
  }, [overseers.data, existing, form]);

  const memberOptions = (members.data?.items ?? []).map((m) => ({ value: m.id, label: m.fullName }));
  const overseerOptions = [
    ...(overseers.data?.items ?? []).map((o) => ({
      value: o.memberId,
      label: `${o.memberName} (${o.memberCellName})`,
    })),
    ...(existing?.overseerMemberId &&
    !overseers.data?.items.some((o) => o.memberId === existing.overseerMemberId)
      ? [{ value: existing.overseerMemberId, label: existing.overseerName ?? '' }]
      : []),
  ];
  const attendanceOptions = attendanceStatuses.map((s) => ({
    value: s,
    label: label(attendanceStatusLabels[s]),
  }));

  const initialValues: Partial<Values> = existing
    ? {
        kind: existing.kind,
        date: dayjs(existing.date),
        topic: existing.topic,
        chairMemberId: existing.chairMemberId ?? undefined,
        overseerMemberId: existing.overseerMemberId ?? undefined,
        overseerAttendance: existing.overseerAttendance ?? undefined,
        minutes: existing.minutes ?? undefined,
        resolutions: existing.resolutions.map((r) => ({
          id: r.id,
          text: r.text,
          followUpMemberId: r.followUpMemberId ?? undefined,
          dueDate: r.dueDate ? dayjs(r.dueDate) : null,
          status: r.status,
        })),
        scores: Object.fromEntries(existing.scores.map((s) => [s.criterionId, s.points])),
      }
    : {
        kind: 'regular',
        date: dayjs(todayInVietnam()),
        topic: t('meetings.regularTopic', { month: monthLabel(todayInVietnam().slice(0, 7)) }),
        resolutions: [],
      };

  const submit = (v: Values) => {
    const criteria = new Set(sheet?.criteria.map((c) => c.id) ?? []);
    const body = {
      kind: v.kind,
      date: v.date.format('YYYY-MM-DD'),
      topic: v.topic.trim(),
      chairMemberId: v.chairMemberId ?? null,
      overseerMemberId: v.overseerMemberId ?? null,
      overseerAttendance: v.overseerMemberId ? (v.overseerAttendance ?? null) : null,
      minutes: v.minutes?.trim() ? v.minutes.trim() : null,
      attendance: rows.map((r) => ({ memberId: r.id, status: attendance[r.id] ?? 'present' })),
      resolutions: (v.resolutions ?? []).map((r) => ({
        ...(r.id ? { id: r.id } : {}),
        text: r.text.trim(),
        followUpMemberId: r.followUpMemberId ?? null,
        dueDate: r.dueDate ? r.dueDate.format('YYYY-MM-DD') : null,
        status: r.status ?? 'open',
      })),
      scores: Object.entries(v.scores ?? {})
        .filter((e): e is [string, number] => typeof e[1] === 'number' && criteria.has(e[0]))
        .map(([criterionId, points]) => ({ criterionId, points })),
    };
    const done = (saved: MeetingDetail) => {
      void message.success(t('meetings.saved'));
      void navigate(existing ? `/meetings/${saved.id}` : '/meetings');
    };
    if (existing) update.mutate({ version: existing.version, ...body }, { onSuccess: done });
    else create.mutate({ id: idRef.current, cellId, ...body }, { onSuccess: done });
  };

  return (
    <>
      <PageTitle
        title={t(existing ? 'meetings.editTitle' : 'meetings.newTitle')}
        sub={cell.data ? <span className="muted">{cell.data.name}</span> : null}
      />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={initialValues}
        disabled={mutation.isPending}
        requiredMark={false}
        data-testid="meeting-form"
      >
        <Form.Item name="kind" label={t('meetings.kind')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={meetingKinds.map((k) => ({
              value: k,
              label: t(k === 'regular' ? 'meetings.kindRegular' : 'meetings.kindThematic'),
              title: label(meetingKindLabels[k]),
            }))}
            data-testid="meeting-kind"
          />
        </Form.Item>
        <Form.Item name="date" label={t('meetings.date')} rules={[{ required: true }]}>
          <DatePicker
            format={dateFormat}
            allowClear={false}
            inputReadOnly
            style={{ width: '100%' }}
            disabledDate={(d) => d.isAfter(dayjs(todayInVietnam()), 'day')}
            data-testid="meeting-date"
          />
        </Form.Item>
        <Form.Item
          name="topic"
          label={t('meetings.topic')}
          rules={[{ required: true, min: 2, whitespace: true, message: t('meetings.topicRequired') }]}
        >
          <Input maxLength={300} data-testid="meeting-topic" />
        </Form.Item>
        <Form.Item name="chairMemberId" label={t('meetings.chair')}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            allowClear
            placeholder={t('meetings.chairPlaceholder')}
            options={[
              ...memberOptions,
              ...overseerOptions.filter((o) => !memberOptions.some((m) => m.value === o.value)),
            ]}
            data-testid="meeting-chair"
          />
        </Form.Item>

        <Card size="small" className="section attendance-card" title={t('meetings.attendance')}>
          {members.isPending ? (
            <LoadingState />
          ) : (
            <AttendanceList
              rows={rows}
              value={attendance}
              onChange={setAttendance}
              disabled={mutation.isPending}
            />
          )}
          {exemptCount > 0 ? (
            <div className="muted" style={{ marginTop: 8, fontSize: 12 }}>
              {t('meetings.exemptNote', { count: exemptCount })}
            </div>
          ) : null}
        </Card>

        <Card size="small" className="section" title={t('meetings.overseer')}>
          <Form.Item name="overseerMemberId" label={t('meetings.overseer')}>
            <Select allowClear placeholder={t('meetings.overseerNone')} options={overseerOptions} />
          </Form.Item>
          <Form.Item
            name="overseerAttendance"
            label={t('meetings.overseerAttendance')}
            style={{ marginBottom: 0 }}
          >
            <Radio.Group className="attendance-choice" optionType="button" options={attendanceOptions} />
          </Form.Item>
        </Card>

        <Card size="small" className="section" title={t('meetings.resolutions')}>
          <Form.List name="resolutions">
            {(fields, { add, remove }) => (
              <>
                {fields.length === 0 ? (
                  <div className="muted section">{t('meetings.noResolutions')}</div>
                ) : null}
                {fields.map((field) => (
                  <div className="resolution-item" key={field.key} data-testid="resolution-item">
                    <Form.Item name={[field.name, 'id']} hidden>
                      <Input />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'text']}
                      label={t('meetings.resolutionText')}
                      rules={[
                        {
                          required: true,
                          min: 2,
                          whitespace: true,
                          message: t('meetings.resolutionTextRequired'),
                        },
                      ]}
                    >
                      <Input.TextArea rows={2} maxLength={1000} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'followUpMemberId']} label={t('meetings.followUp')}>
                      <Select showSearch={{ optionFilterProp: 'label' }} allowClear options={memberOptions} />
                    </Form.Item>
                    <Space wrap align="end">
                      <Form.Item name={[field.name, 'dueDate']} label={t('meetings.dueDate')}>
                        <DatePicker format={dateFormat} inputReadOnly />
                      </Form.Item>
                      <Form.Item name={[field.name, 'status']} initialValue="open">
                        <Select
                          style={{ minWidth: 150 }}
                          options={(['open', 'done'] as const).map((s) => ({
                            value: s,
                            label: label(resolutionStatusLabels[s]),
                          }))}
                        />
                      </Form.Item>
                      <Form.Item>
                        <Button
                          icon={<DeleteOutlined />}
                          onClick={() => remove(field.name)}
                          aria-label={t('meetings.removeResolution')}
                        />
                      </Form.Item>
                    </Space>
                  </div>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ status: 'open' })} block>
                  {t('meetings.addResolution')}
                </Button>
              </>
            )}
          </Form.List>
        </Card>

        <Card size="small" className="section" title={t('meetings.minutes')}>
          <Form.Item name="minutes" style={{ marginBottom: 8 }}>
            <Input.TextArea rows={5} maxLength={20_000} placeholder={t('meetings.minutesPlaceholder')} />
          </Form.Item>
          <div className="muted" style={{ fontSize: 12 }}>
            {t('meetings.attachmentNote')}
          </div>
        </Card>

        <Card size="small" className="section" title={t('meetings.score')}>
          {sheet ? (
            <>
              <div className="muted section" style={{ fontSize: 12 }}>
                {t('meetings.sheetSource', { name: sheet.name, from: formatDate(sheet.validFrom) })}
              </div>
              {sheet.criteria.map((c) => (
                <Form.Item key={c.id} name={['scores', c.id]} label={`${c.text} (≤ ${c.maxPoints})`}>
                  <InputNumber
                    min={0}
                    max={c.maxPoints}
                    precision={0}
                    inputMode="numeric"
                    style={{ width: 120 }}
                  />
                </Form.Item>
              ))}
            </>
          ) : (
            <span className="muted">{t('meetings.noSheet')}</span>
          )}
        </Card>

        {mutation.error ? (
          <Alert
            type="error"
            showIcon
            className="section"
            title={errorToMessage(mutation.error, language)}
            data-testid="meeting-error"
          />
        ) : null}
        <div className="form-actions">
          <Button
            type="primary"
            htmlType="submit"
            block
            loading={mutation.isPending}
            data-testid="meeting-submit"
          >
            {t('meetings.submit')}
          </Button>
        </div>
      </Form>
    </>
  );
}

/** `/meetings/new?cellId=…` records a meeting; `/meetings/:id/edit` changes one. */
export default function MeetingFormPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const { id } = useParams();
  const [params] = useSearchParams();
  const existing = useMeeting(id);
  if (id) {
    if (existing.isPending) return <LoadingState />;
    if (existing.isError)
      return (
        <ErrorState
          error={existing.error}
          notFoundText={t('meetings.notFound')}
          onRetry={() => void existing.refetch()}
        />
      );
    return <MeetingForm cellId={existing.data.cellId} existing={existing.data} />;
  }
  const cellId = Number(params.get('cellId') ?? user.scopeUnitId);
  return <MeetingForm key={cellId} cellId={cellId} />;
}
