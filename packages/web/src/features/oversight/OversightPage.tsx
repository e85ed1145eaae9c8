import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Form,
  Input,
  List,
  Popconfirm,
  Select,
  Tag,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import { can, overseeableKinds, todayInVietnam } from '@caunoi/domain';
import { errorToMessage } from '../../api/error-message';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { PageTitle } from '../../components/PageTitle';
import { useDebounced } from '../../components/use-debounced';
import { formatDate } from '../../format/date';
import { useI18n } from '../../i18n/i18n-context';
import { useCurrentUser } from '../auth/current-user';
import { UnitKindTag } from '../units/UnitKindTag';
import { useCreateOversight, useEndOversight } from './mutations';
import { OverseenUnitCard } from './OverseenUnitCard';
import { useMemberSearch, useOverseerView, useOversightList, useUncovered, useUnitOptions } from './queries';
import '../meetings/meetings.css';

interface AddValues {
  memberId: string;
  unitId: number;
  startDate: Dayjs;
  note?: string;
}

function AddOversight({ presetUnitId }: { presetUnitId?: number }) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<AddValues>();
  const [memberText, setMemberText] = useState('');
  const [unitText, setUnitText] = useState('');
  const members = useMemberSearch(useDebounced(memberText.trim(), 250));
  const units = useUnitOptions(useDebounced(unitText.trim(), 250), overseeableKinds);
  const uncovered = useUncovered();
  const create = useCreateOversight();
  const unitOptions = new Map<number, string>();
  for (const u of uncovered.data?.items ?? []) unitOptions.set(u.id, u.name);
  for (const u of units.data?.items ?? []) unitOptions.set(u.id, u.name);
  return (
    <Card size="small" className="section" title={t('oversight.add')}>
      {create.error ? (
        <Alert type="error" showIcon className="section" title={errorToMessage(create.error, language)} />
      ) : null}
      <Form<AddValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ startDate: dayjs(todayInVietnam()), unitId: presetUnitId }}
        onFinish={(v) =>
          create.mutate(
            {
              memberId: v.memberId,
              unitId: v.unitId,
              startDate: v.startDate.format('YYYY-MM-DD'),
              ...(v.note?.trim() ? { note: v.note.trim() } : {}),
            },
            {
              onSuccess: () => {
                void message.success(t('oversight.added'));
                form.resetFields(['memberId', 'unitId', 'note']);
              },
            },
          )
        }
      >
        <Form.Item
          name="memberId"
          label={t('oversight.member')}
          rules={[{ required: true, message: t('oversight.required') }]}
        >
          <Select
            showSearch={{ filterOption: false, onSearch: setMemberText }}
            placeholder={t('oversight.memberPlaceholder')}
            loading={members.isFetching}
            options={(members.data?.items ?? []).map((m) => ({
              value: m.id,
              label: `${m.fullName} · ${m.cellName}`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="unitId"
          label={t('oversight.unit')}
          rules={[{ required: true, message: t('oversight.required') }]}
        >
          <Select
            showSearch={{ filterOption: false, onSearch: setUnitText }}
            placeholder={t('oversight.unitPlaceholder')}
            options={[...unitOptions].map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item name="startDate" label={t('oversight.startDate')} rules={[{ required: true }]}>
          <DatePicker format="DD/MM/YYYY" allowClear={false} inputReadOnly style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label={t('oversight.note')}>
          <Input maxLength={300} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          {t('oversight.add')}
        </Button>
      </Form>
    </Card>
  );
}

/**
 * The overseer's own view (units followed, their meetings, coverage, overdue
 * items), the committee's assignments, and the units nobody follows.
 */
export default function OversightPage() {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const today = todayInVietnam();
  const overseerId = params.get('overseer') ?? user.memberId;
  const view = useOverseerView(overseerId);
  const list = useOversightList(today);
  const uncovered = useUncovered();
  const end = useEndOversight();
  const canWrite = can(user.role, 'oversight.write');

  return (
    <>
      <PageTitle title={t('oversight.title')} />
      {overseerId ? (
        <Card
          size="small"
          className="section"
          title={view.data && overseerId !== user.memberId ? view.data.memberName : t('oversight.mine')}
          data-testid="overseer-view"
        >
          {view.isPending ? (
            <LoadingState />
          ) : view.isError ? (
            <ErrorState error={view.error} />
          ) : view.data.units.length === 0 ? (
            <Empty description={t('oversight.noneMine')} />
          ) : (
            view.data.units.map((u) => <OverseenUnitCard key={u.assignmentId} unit={u} />)
          )}
        </Card>
      ) : null}

      <Card size="small" className="section" title={t('oversight.assignments')}>
        {end.error ? (
          <Alert type="error" showIcon className="section" title={errorToMessage(end.error, language)} />
        ) : null}
        <List
          loading={list.isPending}
          locale={{ emptyText: t('oversight.noAssignments') }}
          dataSource={list.data?.items ?? []}
          renderItem={(a) => (
            <List.Item
              data-testid="oversight-row"
              actions={[
                <Button
                  key="view"
                  type="link"
                  size="small"
                  onClick={() => setParams({ overseer: a.memberId })}
                >
                  {t('app.open')}
                </Button>,
                ...(canWrite
                  ? [
                      <Popconfirm
                        key="end"
                        title={t('oversight.end')}
                        onConfirm={() =>
                          end.mutate(
                            { id: a.id, endDate: today },
                            { onSuccess: () => void message.success(t('oversight.ended')) },
                          )
                        }
                      >
                        <Button size="small" danger>
                          {t('oversight.end')}
                        </Button>
                      </Popconfirm>,
                    ]
                  : []),
              ]}
            >
              <List.Item.Meta
                title={
                  <>
                    <Link to={`/units/${a.unitId}`}>{a.unitName}</Link> <UnitKindTag kind={a.unitKind} />
                  </>
                }
                description={`${a.memberName} (${a.memberCellName}) · ${t('oversight.period', {
                  from: formatDate(a.startDate),
                })}${a.note ? ` · ${a.note}` : ''}`}
              />
            </List.Item>
          )}
        />
      </Card>

      <Card size="small" className="section" title={t('oversight.uncovered')} data-testid="uncovered-units">
        {uncovered.data && uncovered.data.items.length === 0 ? (
          <span className="muted">{t('oversight.allCovered')}</span>
        ) : (
          <List
            size="small"
            loading={uncovered.isPending}
            dataSource={uncovered.data?.items ?? []}
            renderItem={(u) => (
              <List.Item data-testid="uncovered-unit">
                <span>
                  <Link to={`/units/${u.id}`}>{u.name}</Link> <UnitKindTag kind={u.kind} />
                </span>
                {u.parentName ? <Tag>{u.parentName}</Tag> : null}
              </List.Item>
            )}
          />
        )}
      </Card>

      {canWrite ? <AddOversight /> : null}
    </>
  );
}
