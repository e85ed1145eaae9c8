import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Modal,
  Radio,
  Select,
  Space,
  type ButtonProps,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate, useParams } from 'react-router';
import {
  leaveKindLabels,
  leaveKinds,
  todayInVietnam,
  type HandoverDecision,
  type HandoverProposal,
  type LeaveKind,
} from '@caunoi/domain';
import { errorToMessage } from '../../api/error-message';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { PageTitle } from '../../components/PageTitle';
import { formatDate } from '../../format/date';
import { useI18n } from '../../i18n/i18n-context';
import { dateFormat } from '../assignments/AssignDialog';
import { useLeaveMember, useTransferMember } from './lifecycle-mutations';
import { useHandoverProposal, useMember, useTransferDestinations } from './queries';

const endChoice = '__end__';

interface Values {
  destinationKind: 'cell' | 'out';
  cellId?: number;
  organisation?: string;
  kind?: LeaveKind;
  effectiveDate: Dayjs;
  reason: string;
  referenceNumber?: string;
  referenceDate?: Dayjs;
}

/** Who takes each followed household: the proposal first, then the user's changes. */
function HandoverTable({
  proposal,
  choices,
  endReasons,
  onChoice,
  onEndReason,
}: {
  proposal: HandoverProposal;
  choices: Record<string, string>;
  endReasons: Record<string, string>;
  onChoice: (householdId: string, value: string) => void;
  onEndReason: (householdId: string, value: string) => void;
}) {
  const { t } = useI18n();
  if (proposal.households.length === 0) return <p className="muted">{t('memberLifecycle.noHouseholds')}</p>;
  return (
    <div className="handover-list">
      {proposal.households.map((h) => {
        const options = [
          ...proposal.candidates
            .filter((c) => c.cellId === h.cellId)
            .map((c) => ({
              value: c.memberId,
              label: t('memberLifecycle.load', { name: c.fullName, count: c.load }),
            })),
          { value: endChoice, label: t('memberLifecycle.endAssignment') },
        ];
        const selectId = `handover-${h.householdId}`;
        return (
          <div key={h.householdId} className="section" data-testid="handover-row">
            <label htmlFor={selectId}>
              <strong>{h.code}</strong> · {h.headName}
            </label>
            <Select
              id={selectId}
              aria-label={`${t('memberLifecycle.takenBy')} ${h.code}`}
              value={choices[h.householdId]}
              onChange={(value) => onChoice(h.householdId, value)}
              options={options}
              style={{ width: '100%' }}
              placeholder={t('memberLifecycle.takenBy')}
              showSearch
              optionFilterProp="label"
              data-testid="handover-select"
            />
            {choices[h.householdId] === endChoice ? (
              <Input
                aria-label={t('memberLifecycle.endReason')}
                placeholder={t('memberLifecycle.endReason')}
                value={endReasons[h.householdId] ?? ''}
                onChange={(e) => onEndReason(h.householdId, e.target.value)}
                maxLength={500}
                style={{ marginTop: 4 }}
              />
            ) : null}
          </div>
        );
      })}
    </div>
  );
}

/**
 * One screen for a transfer (chuyển sinh hoạt đảng) or a leaving: the
 * destination or the kind, the date, the reason and the letter, and for each
 * household the member follows who takes it from that date. The confirmation
 * says in words what will happen.
 */
export default function MemberLifecyclePage({ mode }: { mode: 'transfer' | 'leave' }) {
  const { t, label, language } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const id = useParams().id ?? '';
  const member = useMember(id);
  const [form] = Form.useForm<Values>();
  const effective = Form.useWatch('effectiveDate', form) as Dayjs | undefined;
  const date = (effective ?? dayjs(todayInVietnam())).format('YYYY-MM-DD');
  const proposal = useHandoverProposal(id, date);
  const destinationKind = Form.useWatch('destinationKind', form) as Values['destinationKind'] | undefined;
  const cellId = Form.useWatch('cellId', form) as number | undefined;
  const destinations = useTransferDestinations(id, mode === 'transfer');
  // Grouped by commune: the member's own first, then the other communes of the system.
  const destinationOptions = useMemo(() => {
    const groups = new Map<string, { value: number; label: string }[]>();
    for (const c of [...(destinations.data?.cells ?? [])].sort(
      (a, b) => Number(b.sameOrganisation) - Number(a.sameOrganisation),
    )) {
      const group = c.parentName ?? '';
      groups.set(group, [...(groups.get(group) ?? []), { value: c.id, label: `${c.name} (${c.code})` }]);
    }
    return [...groups].map(([group, options]) => ({ label: group, title: group, options }));
  }, [destinations.data]);
  const destinationCell = destinations.data?.cells.find((c) => c.id === cellId);
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [endReasons, setEndReasons] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState<Values | null>(null);
  const transfer = useTransferMember(id);
  const leave = useLeaveMember(id);
  const mutation = mode === 'transfer' ? transfer : leave;

  useEffect(() => {
    if (!proposal.data) return;
    setChoices(
      Object.fromEntries(
        proposal.data.households.map((h) => [h.householdId, h.proposedMemberId ?? endChoice]),
      ),
    );
  }, [proposal.data]);

  const households = proposal.data?.households ?? [];
  const undecided = households.filter(
    (h) =>
      !choices[h.householdId] ||
      (choices[h.householdId] === endChoice && (endReasons[h.householdId] ?? '').trim().length < 2),
  ).length;

  const summary = useMemo(() => {
    const names = new Map(proposal.data?.candidates.map((c) => [c.memberId, c.fullName]) ?? []);
    const counts = new Map<string, number>();
    let ended = 0;
    for (const h of households) {
      const choice = choices[h.householdId];
      if (choice === endChoice) ended++;
      else if (choice) counts.set(choice, (counts.get(choice) ?? 0) + 1);
    }
    return {
      handed: [...counts].map(([memberId, count]) => ({ name: names.get(memberId) ?? '', count })),
      ended,
    };
  }, [choices, households, proposal.data]);

  if (member.isPending) return <LoadingState />;
  if (member.isError) return <ErrorState error={member.error} onRetry={() => void member.refetch()} />;
  const m = member.data;

  const decisions = (): HandoverDecision[] =>
    households.map((h) =>
      choices[h.householdId] === endChoice
        ? { householdId: h.householdId, endReason: (endReasons[h.householdId] ?? '').trim() }
        : { householdId: h.householdId, toMemberId: choices[h.householdId]! },
    );

  const apply = (values: Values) => {
    const reference =
      values.referenceNumber?.trim() && values.referenceDate
        ? { number: values.referenceNumber.trim(), date: values.referenceDate.format('YYYY-MM-DD') }
        : undefined;
    const common = {
      version: m.version,
      effectiveDate: values.effectiveDate.format('YYYY-MM-DD'),
      reason: values.reason.trim(),
      ...(reference ? { reference } : {}),
      handover: decisions(),
    };
    const done = {
      onSuccess: () => {
        setConfirming(null);
        void message.success(t('memberLifecycle.done'));
        void navigate(`/members/${m.id}`);
      },
      onError: () => setConfirming(null),
    };
    if (mode === 'transfer') {
      transfer.mutate(
        {
          ...common,
          destination:
            values.destinationKind === 'cell'
              ? { kind: 'cell', cellId: values.cellId! }
              : { kind: 'out', organisation: values.organisation!.trim() },
        },
        done,
      );
    } else {
      leave.mutate({ ...common, kind: values.kind! }, done);
    }
  };

  const destinationName =
    confirming?.destinationKind === 'cell'
      ? destinationCell
        ? `${destinationCell.name}${destinationCell.parentName ? `, ${destinationCell.parentName}` : ''}`
        : ''
      : (confirming?.organisation?.trim() ?? '');

  return (
    <>
      <PageTitle
        title={t(mode === 'transfer' ? 'memberLifecycle.transferTitle' : 'memberLifecycle.leaveTitle', {
          name: m.fullName,
        })}
        sub={m.cellName}
      />
      {mutation.error ? (
        <Alert
          type="error"
          showIcon
          className="section"
          title={errorToMessage(mutation.error, language)}
          data-testid="lifecycle-error"
        />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ destinationKind: 'cell', effectiveDate: dayjs(todayInVietnam()), kind: 'died' }}
        onFinish={(values) => setConfirming(values)}
        disabled={mutation.isPending}
      >
        <Card size="small" className="section">
          {mode === 'transfer' ? (
            <>
              <Form.Item name="destinationKind" label={t('memberLifecycle.destination')}>
                <Radio.Group
                  options={[
                    { value: 'cell', label: t('memberLifecycle.toCell') },
                    { value: 'out', label: t('memberLifecycle.toOut') },
                  ]}
                  data-testid="lifecycle-destination-kind"
                />
              </Form.Item>
              {destinationKind === 'out' ? (
                <Form.Item
                  name="organisation"
                  label={t('memberLifecycle.organisation')}
                  rules={[{ required: true, min: 2, message: t('memberLifecycle.required') }]}
                >
                  <Input maxLength={200} data-testid="lifecycle-organisation" />
                </Form.Item>
              ) : (
                <Form.Item
                  name="cellId"
                  label={t('memberLifecycle.pickCell')}
                  rules={[{ required: true, message: t('memberLifecycle.required') }]}
                >
                  <Select<number>
                    showSearch
                    optionFilterProp="label"
                    loading={destinations.isPending}
                    options={destinationOptions}
                    placeholder={t('memberLifecycle.pickCellHint')}
                    data-testid="lifecycle-cell"
                  />
                </Form.Item>
              )}
            </>
          ) : (
            <Form.Item name="kind" label={t('memberLifecycle.leaveKind')}>
              <Select
                options={leaveKinds.map((k) => ({ value: k, label: label(leaveKindLabels[k]) }))}
                data-testid="lifecycle-kind"
              />
            </Form.Item>
          )}
          <Form.Item
            name="effectiveDate"
            label={t('memberLifecycle.effectiveDate')}
            extra={t('memberLifecycle.effectiveHint')}
            rules={[{ required: true, message: t('memberLifecycle.required') }]}
          >
            <DatePicker
              format={dateFormat}
              allowClear={false}
              inputReadOnly
              style={{ width: '100%' }}
              disabledDate={(d) => d.isAfter(dayjs(todayInVietnam()), 'day')}
            />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('memberLifecycle.reason')}
            rules={[{ required: true, min: 2, whitespace: true, message: t('memberLifecycle.required') }]}
          >
            <Input.TextArea rows={2} maxLength={500} data-testid="lifecycle-reason" />
          </Form.Item>
          <Space wrap>
            <Form.Item name="referenceNumber" label={t('memberLifecycle.referenceNumber')}>
              <Input maxLength={60} />
            </Form.Item>
            <Form.Item name="referenceDate" label={t('memberLifecycle.referenceDate')}>
              <DatePicker format={dateFormat} inputReadOnly />
            </Form.Item>
          </Space>
        </Card>
        <Card size="small" className="section" title={t('memberLifecycle.households')}>
          <p className="muted">{t('memberLifecycle.householdsHint')}</p>
          {proposal.isError ? (
            <ErrorState error={proposal.error} onRetry={() => void proposal.refetch()} />
          ) : proposal.isPending ? (
            <LoadingState />
          ) : (
            <HandoverTable
              proposal={proposal.data}
              choices={choices}
              endReasons={endReasons}
              onChoice={(h, v) => setChoices((c) => ({ ...c, [h]: v }))}
              onEndReason={(h, v) => setEndReasons((r) => ({ ...r, [h]: v }))}
            />
          )}
          {undecided > 0 ? (
            <Alert type="warning" showIcon title={t('memberLifecycle.undecided', { count: undecided })} />
          ) : null}
        </Card>
        <Button
          type="primary"
          danger={mode === 'leave'}
          htmlType="submit"
          disabled={undecided > 0 || proposal.isPending}
          loading={mutation.isPending}
          data-testid="lifecycle-submit"
        >
          {t(mode === 'transfer' ? 'memberLifecycle.submitTransfer' : 'memberLifecycle.submitLeave')}
        </Button>
      </Form>
      <Modal
        open={confirming !== null}
        title={t('memberLifecycle.confirmTitle')}
        onCancel={() => setConfirming(null)}
        okText={t('memberLifecycle.confirmOk')}
        cancelText={t('app.cancel')}
        okButtonProps={
          { danger: true, loading: mutation.isPending, 'data-testid': 'lifecycle-confirm-ok' } as ButtonProps
        }
        onOk={() => confirming && apply(confirming)}
      >
        {confirming ? (
          <div data-testid="lifecycle-confirm-text">
            <p>
              {mode === 'transfer'
                ? t('memberLifecycle.confirmTransfer', {
                    name: m.fullName,
                    destination: destinationName,
                    date: formatDate(confirming.effectiveDate.format('YYYY-MM-DD')),
                  })
                : t('memberLifecycle.confirmLeave', {
                    name: m.fullName,
                    kind: label(leaveKindLabels[confirming.kind ?? 'died']).toLowerCase(),
                    date: formatDate(confirming.effectiveDate.format('YYYY-MM-DD')),
                  })}
            </p>
            {summary.handed.map((s) => (
              <p key={s.name}>{t('memberLifecycle.confirmHandover', { count: s.count, name: s.name })}</p>
            ))}
            {summary.ended > 0 ? <p>{t('memberLifecycle.confirmEnd', { count: summary.ended })}</p> : null}
            <p className="muted">{t('memberLifecycle.confirmIrreversible')}</p>
          </div>
        ) : null}
      </Modal>
    </>
  );
}
