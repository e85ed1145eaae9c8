import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Form, Input, Modal, Popconfirm, Radio, Select, Space } from 'antd';
import { Link, useNavigate } from 'react-router';
import {
  householdEndReasonLabels,
  todayInVietnam,
  type AssignmentDecision,
  type Household,
  type HouseholdEndKind,
} from '@caunoi/domain';
import { errorToMessage } from '../../api/error-message';
import { formatDate } from '../../format/date';
import type { MessageKey } from '../../i18n/dictionary.vi';
import { useI18n } from '../../i18n/i18n-context';
import { PartyUnitPicker } from '../assignments/PartyUnitPicker';
import { useAllCellMembers } from '../members/queries';
import { useHouseholdLifecycle, type LifecycleAction } from './lifecycle-mutations';
import { useHouseholdList } from './queries';

type Kind = LifecycleAction['kind'];
const kinds: Kind[] = ['move', 'split', 'merge', 'end'];
const titleKey: Record<Kind, MessageKey> = {
  move: 'lifecycle.move',
  split: 'lifecycle.split',
  merge: 'lifecycle.merge',
  end: 'lifecycle.end',
};
const endKinds: HouseholdEndKind[] = ['moved_away', 'all_died', 'other'];

/** Links of an ended or linked household, and (for those who may change it) its four lifecycle steps. */
export function HouseholdLifecycleCard({ household, canEdit }: { household: Household; canEdit: boolean }) {
  const { t, label } = useI18n();
  const [open, setOpen] = useState<Kind | null>(null);
  const life = household.lifecycle;
  const links: [MessageKey, { id: string; code: string } | null][] = [
    ['lifecycle.movedFrom', life.movedFrom],
    ['lifecycle.splitFrom', life.splitFrom],
    ['lifecycle.movedTo', life.movedTo],
    ['lifecycle.mergedInto', life.mergedInto],
  ];
  const shown = links.filter(([, link]) => link !== null);
  if (life.status === 'active' && shown.length === 0 && !canEdit) return null;
  return (
    <Card size="small" title={t('lifecycle.title')} className="section" data-testid="household-lifecycle">
      {life.status === 'ended' ? (
        <Alert
          type="warning"
          showIcon
          title={t('lifecycle.ended', {
            date: formatDate(life.endDate),
            reason: life.endReason ? label(householdEndReasonLabels[life.endReason]) : '',
          })}
          data-testid="household-ended"
        />
      ) : null}
      {shown.map(([key, link]) => (
        <p key={key}>
          {t(key)}{' '}
          <Link to={`/households/${link!.id}`} data-testid="lifecycle-link">
            {link!.code}
          </Link>
        </p>
      ))}
      {canEdit && life.status === 'active' ? (
        <Space wrap>
          {kinds.map((kind) => (
            <Button
              key={kind}
              danger={kind === 'end'}
              onClick={() => setOpen(kind)}
              data-testid={`lifecycle-${kind}`}
            >
              {t(titleKey[kind])}
            </Button>
          ))}
        </Space>
      ) : null}
      {open ? <LifecycleDialog household={household} kind={open} onClose={() => setOpen(null)} /> : null}
    </Card>
  );
}

interface Values {
  effectiveDate: string;
  reason: string;
  cellId?: number;
  address?: string;
  code?: string;
  personIds?: string[];
  headPersonId?: string;
  assignTo?: string;
  intoCode?: string;
  endKind?: HouseholdEndKind;
  assignmentAction?: 'end' | 'handTo';
  memberId?: string;
}

function LifecycleDialog({
  household,
  kind,
  onClose,
}: {
  household: Household;
  kind: Kind;
  onClose: () => void;
}) {
  const { t, label, language } = useI18n();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const values = (Form.useWatch([], form) ?? {}) as Partial<Values>;
  const mutation = useHouseholdLifecycle(household.id);
  const assigned = household.assignedMemberId !== null;
  const memberCell = kind === 'move' ? values.cellId : household.cellId;
  const members = useAllCellMembers(memberCell ?? household.cellId);
  const memberOptions = (members.data?.items ?? []).map((m) => ({ value: m.id, label: m.fullName }));
  const intoCode = values.intoCode?.trim() ?? '';
  const found = useHouseholdList({ q: intoCode.length >= 2 ? intoCode : undefined });
  const into =
    kind === 'merge' && intoCode.length >= 2
      ? found.data?.pages[0]?.items.find((h) => h.code === intoCode && h.id !== household.id)
      : undefined;

  const decision = (): AssignmentDecision | undefined => {
    if (!assigned) return undefined;
    if (values.assignmentAction === 'handTo' && values.memberId) {
      return { action: 'handTo', memberId: values.memberId };
    }
    return { action: 'end', reason: values.reason ?? '' };
  };
  const assignmentText = !assigned
    ? ''
    : t(values.assignmentAction === 'handTo' ? 'lifecycle.willHand' : 'lifecycle.willEnd');
  const date = formatDate(values.effectiveDate);
  const confirmText = {
    move: () => t('lifecycle.confirmMove', { code: household.code, date, assignment: assignmentText }),
    split: () =>
      t('lifecycle.confirmSplit', {
        count: values.personIds?.length ?? 0,
        code: household.code,
        newCode: values.code ?? '',
        date,
      }),
    merge: () =>
      t('lifecycle.confirmMerge', {
        code: household.code,
        into: into?.code ?? '',
        date,
        assignment: assignmentText,
      }),
    end: () => t('lifecycle.confirmEnd', { code: household.code, date, assignment: assignmentText }),
  }[kind];

  const action = (v: Values): LifecycleAction | null => {
    const base = { version: household.version, effectiveDate: v.effectiveDate, reason: v.reason };
    const assignment = decision();
    switch (kind) {
      case 'move':
        return v.cellId
          ? {
              kind,
              body: { ...base, cellId: v.cellId, ...(v.address ? { address: v.address } : {}), assignment },
            }
          : null;
      case 'split':
        return v.code && v.personIds?.length && v.headPersonId
          ? {
              kind,
              body: {
                ...base,
                code: v.code,
                personIds: v.personIds,
                headPersonId: v.headPersonId,
                povertyStatus: 'none',
                ...(v.assignTo ? { assignTo: v.assignTo } : {}),
              },
            }
          : null;
      case 'merge':
        return into
          ? {
              kind,
              body: {
                ...base,
                intoId: into.id,
                ...(assigned ? { assignment: { action: 'end', reason: v.reason } } : {}),
              },
            }
          : null;
      case 'end':
        return {
          kind,
          body: {
            ...base,
            kind: v.endKind ?? 'other',
            ...(assigned ? { assignment: { action: 'end', reason: v.reason } } : {}),
          },
        };
    }
  };

  const submit = async () => {
    const v = await form.validateFields();
    const request = action(v);
    if (!request) return;
    const result = await mutation.mutateAsync(request);
    onClose();
    if (result.id !== household.id) void navigate(`/households/${result.id}`);
  };

  const chosenPeople = new Set(values.personIds ?? []);
  return (
    <Modal
      open
      title={`${t(titleKey[kind])} · ${household.code}`}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('app.cancel')}
        </Button>,
        <Popconfirm
          key="ok"
          title={confirmText()}
          okText={t('lifecycle.confirm')}
          cancelText={t('app.cancel')}
          onConfirm={() => void submit().catch(() => undefined)}
        >
          <Button
            type="primary"
            danger={kind === 'end'}
            loading={mutation.isPending}
            data-testid="lifecycle-submit"
          >
            {t(titleKey[kind])}
          </Button>
        </Popconfirm>,
      ]}
      data-testid="lifecycle-dialog"
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ effectiveDate: todayInVietnam(), assignmentAction: 'end' }}
      >
        <Form.Item name="effectiveDate" label={t('lifecycle.effectiveDate')} rules={[{ required: true }]}>
          <Input type="date" max={todayInVietnam()} />
        </Form.Item>
        {kind === 'move' ? (
          <>
            <Form.Item name="cellId" label={t('lifecycle.targetCell')} rules={[{ required: true }]}>
              <PartyUnitPicker
                value={values.cellId}
                onChange={(id) => form.setFieldValue('cellId', id)}
                selectable={['cell', 'base_cell']}
                testId="lifecycle-cell"
              />
            </Form.Item>
            <Form.Item name="address" label={t('lifecycle.newAddress')}>
              <Input maxLength={300} />
            </Form.Item>
          </>
        ) : null}
        {kind === 'split' ? (
          <>
            <Form.Item name="personIds" label={t('lifecycle.people')} rules={[{ required: true }]}>
              <Checkbox.Group
                options={household.people
                  .filter((p) => p.relation !== 'head')
                  .map((p) => ({ value: p.id, label: p.fullName }))}
              />
            </Form.Item>
            <Form.Item name="headPersonId" label={t('lifecycle.newHead')} rules={[{ required: true }]}>
              <Select
                options={household.people
                  .filter((p) => chosenPeople.has(p.id))
                  .map((p) => ({ value: p.id, label: p.fullName }))}
              />
            </Form.Item>
            <Form.Item
              name="code"
              label={t('lifecycle.newCode')}
              rules={[{ required: true, pattern: /^[A-Za-z0-9._-]+$/ }]}
            >
              <Input maxLength={40} />
            </Form.Item>
            <Form.Item name="assignTo" label={t('lifecycle.assignTo')}>
              <Select allowClear showSearch optionFilterProp="label" options={memberOptions} />
            </Form.Item>
          </>
        ) : null}
        {kind === 'merge' ? (
          <Form.Item
            name="intoCode"
            label={t('lifecycle.intoCode')}
            rules={[{ required: true }]}
            help={
              intoCode.length >= 2 && !found.isFetching && !into
                ? t('lifecycle.intoNotFound')
                : into?.headName
            }
          >
            <Input maxLength={40} />
          </Form.Item>
        ) : null}
        {kind === 'end' ? (
          <Form.Item name="endKind" label={t('lifecycle.endKind')} rules={[{ required: true }]}>
            <Radio.Group
              options={endKinds.map((k) => ({ value: k, label: label(householdEndReasonLabels[k]) }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item name="reason" label={t('lifecycle.reason')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} />
        </Form.Item>
        {kind === 'split' ? null : assigned ? (
          <>
            <Form.Item name="assignmentAction" label={t('lifecycle.assignment')}>
              <Radio.Group
                options={[
                  { value: 'end', label: t('lifecycle.assignmentEnd') },
                  ...(kind === 'move' ? [{ value: 'handTo', label: t('lifecycle.assignmentHand') }] : []),
                ]}
              />
            </Form.Item>
            {kind === 'move' && values.assignmentAction === 'handTo' ? (
              <Form.Item name="memberId" label={t('lifecycle.assignmentMember')} rules={[{ required: true }]}>
                <Select showSearch optionFilterProp="label" options={memberOptions} />
              </Form.Item>
            ) : null}
          </>
        ) : (
          <p className="muted">{t('lifecycle.noAssignment')}</p>
        )}
      </Form>
      {mutation.error ? (
        <Alert
          type="error"
          showIcon
          title={errorToMessage(mutation.error, language)}
          data-testid="lifecycle-error"
        />
      ) : null}
    </Modal>
  );
}
