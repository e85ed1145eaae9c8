import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, App, Button, Card, Collapse, Input, Radio, Space, Table, Tag } from 'antd';
import {
  findingKindLabels,
  findingKinds,
  supervisionKindLabels,
  type CellSupervision,
  type FindingKind,
  type FollowUp,
} from '@caunoi/domain';
import { errorToMessage } from '../../api/error-message';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n/i18n-context';
import { useCurrentUser } from '../auth/current-user';
import { currentMonth, MonthSelect } from './MonthSelect';
import { useCellSupervision, useSaveSupervision, useSupervisionSummary } from './queries';

/**
 * Monthly supervision of members on the three contents. A cell secretary (or
 * anyone opening a cell with ?cellId=) fills each member's checklist from the
 * versions valid in the month; the commune sees the summary of its cells.
 */
export default function SupervisionPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const month = params.get('month') ?? currentMonth();
  const cellParam = params.get('cellId');
  const cellId = cellParam && /^\d+$/.test(cellParam) ? Number(cellParam) : null;
  const forCell = cellId ?? (user.role === 'cell_secretary' ? user.scopeUnitId : null);
  const setParam = (key: string, value: string) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      next.set(key, value);
      return next;
    });
  return (
    <>
      <PageTitle
        title={forCell ? t('supervision.title') : t('supervision.summaryTitle')}
        extra={<MonthSelect value={month} onChange={(m) => setParam('month', m)} />}
      />
      {forCell ? (
        <CellSheet cellId={forCell} month={month} />
      ) : (
        <Summary month={month} onOpen={(id) => setParam('cellId', String(id))} />
      )}
    </>
  );
}

function Summary({ month, onOpen }: { month: string; onOpen: (cellId: number) => void }) {
  const { t } = useI18n();
  const summary = useSupervisionSummary(undefined, month);
  if (summary.isError) return <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />;
  return (
    <Table
      size="small"
      rowKey="cellId"
      loading={summary.isPending}
      dataSource={summary.data?.items ?? []}
      pagination={false}
      scroll={{ x: true }}
      data-testid="supervision-summary"
      columns={[
        {
          title: t('monthly.cell'),
          dataIndex: 'cellName',
          render: (name: string, row) => (
            <Button type="link" style={{ padding: 0 }} onClick={() => onOpen(row.cellId)}>
              {name}
            </Button>
          ),
        },
        { title: t('supervision.members'), dataIndex: 'members' },
        { title: t('supervision.supervised'), dataIndex: 'supervised' },
        { title: t('supervision.withFindings'), dataIndex: 'withFindings' },
        { title: t('supervision.openFollowUps'), dataIndex: 'openFollowUps' },
      ]}
    />
  );
}

function CellSheet({ cellId, month }: { cellId: number; month: string }) {
  const { t } = useI18n();
  const sheet = useCellSupervision(cellId, month);
  if (sheet.isPending) return <LoadingState />;
  if (sheet.isError || !sheet.data)
    return <ErrorState error={sheet.error} onRetry={() => void sheet.refetch()} />;
  const data = sheet.data;
  return (
    <Collapse
      data-testid="supervision-members"
      items={data.members.map((m) => ({
        key: m.memberId,
        label: (
          <Space wrap>
            <span>{m.memberName}</span>
            {m.record === null ? (
              <Tag>{t('supervision.notYet')}</Tag>
            ) : m.record.issues > 0 ? (
              <Tag color="orange">{t('supervision.issues', { count: m.record.issues })}</Tag>
            ) : (
              <Tag color="green">{t('supervision.allOk')}</Tag>
            )}
          </Space>
        ),
        children: <MemberSheet sheet={data} memberId={m.memberId} month={month} />,
      }))}
    />
  );
}

function MemberSheet({
  sheet,
  memberId,
  month,
}: {
  sheet: CellSupervision;
  memberId: string;
  month: string;
}) {
  const { t, label, language } = useI18n();
  const { message } = App.useApp();
  const save = useSaveSupervision();
  const record = sheet.members.find((m) => m.memberId === memberId)?.record ?? null;
  const [findings, setFindings] = useState<Record<string, { finding: FindingKind; note: string }>>({});
  const [followUps, setFollowUps] = useState<FollowUp[]>([]);

  useEffect(() => {
    const next: Record<string, { finding: FindingKind; note: string }> = {};
    for (const c of sheet.catalogues) for (const i of c.items) next[i.id] = { finding: 'ok', note: '' };
    for (const f of record?.findings ?? []) next[f.itemId] = { finding: f.finding, note: f.note ?? '' };
    setFindings(next);
    setFollowUps(record?.followUps ?? []);
  }, [sheet, record]);

  const submit = () =>
    save.mutate(
      {
        memberId,
        month,
        findings: Object.entries(findings).map(([itemId, f]) => ({
          itemId,
          finding: f.finding,
          ...(f.note.trim() ? { note: f.note.trim() } : {}),
        })),
        followUps: followUps.filter((f) => f.what.trim() && f.who.trim()),
        version: record?.version ?? 0,
      },
      { onSuccess: () => void message.success(t('supervision.saved')) },
    );

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {sheet.catalogues.map((c) => (
        <Card key={c.id} size="small" title={label(supervisionKindLabels[c.kind])}>
          <div style={{ color: '#666', marginBottom: 8 }}>
            {t('supervision.source', { source: c.source })}
          </div>
          {c.items.map((item) => {
            const value = findings[item.id] ?? { finding: 'ok' as FindingKind, note: '' };
            return (
              <div key={item.id} style={{ marginBottom: 8 }}>
                <div>
                  {item.code}. {item.text}
                </div>
                <Space wrap>
                  <Radio.Group
                    size="small"
                    value={value.finding}
                    onChange={(e) =>
                      setFindings((all) => ({
                        ...all,
                        [item.id]: { ...value, finding: e.target.value as FindingKind },
                      }))
                    }
                    options={findingKinds.map((k) => ({ value: k, label: label(findingKindLabels[k]) }))}
                    optionType="button"
                  />
                  {value.finding !== 'ok' ? (
                    <Input
                      size="small"
                      // Wide enough to read a finding's note in full on a desktop, never wider than a phone.
                      style={{ width: 420, maxWidth: '100%' }}
                      placeholder={t('supervision.note')}
                      value={value.note}
                      onChange={(e) =>
                        setFindings((all) => ({ ...all, [item.id]: { ...value, note: e.target.value } }))
                      }
                    />
                  ) : null}
                </Space>
              </div>
            );
          })}
        </Card>
      ))}
      <Card size="small" title={t('supervision.followUps')}>
        {followUps.map((f, i) => (
          <Space key={i} wrap style={{ marginBottom: 8 }}>
            <Input
              placeholder={t('supervision.what')}
              value={f.what}
              onChange={(e) =>
                setFollowUps((all) => all.map((x, j) => (j === i ? { ...x, what: e.target.value } : x)))
              }
            />
            <Input
              placeholder={t('supervision.who')}
              value={f.who}
              onChange={(e) =>
                setFollowUps((all) => all.map((x, j) => (j === i ? { ...x, who: e.target.value } : x)))
              }
            />
            <Input
              type="date"
              aria-label={t('supervision.due')}
              value={f.dueOn ?? ''}
              onChange={(e) =>
                setFollowUps((all) =>
                  all.map((x, j) => (j === i ? { ...x, dueOn: e.target.value || null } : x)),
                )
              }
            />
            <Input
              type="date"
              aria-label={t('supervision.done')}
              value={f.doneOn ?? ''}
              onChange={(e) =>
                setFollowUps((all) =>
                  all.map((x, j) => (j === i ? { ...x, doneOn: e.target.value || null } : x)),
                )
              }
            />
          </Space>
        ))}
        <Button
          size="small"
          onClick={() => setFollowUps((all) => [...all, { what: '', who: '', dueOn: null, doneOn: null }])}
        >
          {t('supervision.addFollowUp')}
        </Button>
      </Card>
      {save.isError ? <Alert type="error" showIcon title={errorToMessage(save.error, language)} /> : null}
      <Button type="primary" onClick={submit} loading={save.isPending} data-testid="supervision-save">
        {t('supervision.save')}
      </Button>
    </Space>
  );
}
