import { useState } from 'react';
import { Button, Card, Empty, List, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import {
  awardLevelLabels,
  can,
  recipientKindLabels,
  todayInVietnam,
  twoDigits,
  type Award,
  type AwardCandidate,
} from '@caunoi/domain';
import { ErrorState } from '../../components/ErrorState';
import { PageTitle } from '../../components/PageTitle';
import { RecordList } from '../../components/RecordList';
import { useIsPhone } from '../../components/use-is-phone';
import { formatDate } from '../../format/date';
import { useI18n } from '../../i18n/i18n-context';
import { useCurrentUser } from '../auth/current-user';
import { AwardDialog } from './AwardDialog';
import { useAwardSummary, useAwards, useCandidates } from './queries';

const thisYear = Number(todayInVietnam().slice(0, 4));
const years = Array.from({ length: thisYear - 2014 }, (_, i) => thisYear - i);

function AwardList({ awards, loading }: { awards: Award[]; loading: boolean }) {
  const { t, label } = useI18n();
  const isPhone = useIsPhone();
  const decision = (a: Award) => `${a.decisionNumber}, ${formatDate(a.decisionDate)}`;
  if (isPhone) {
    return (
      <RecordList
        loading={loading}
        empty={t('awards.empty')}
        items={awards.map((a) => ({
          key: a.id,
          href: a.unitId ? `/units/${a.unitId}` : a.memberId ? `/members/${a.memberId}` : '/awards',
          title: a.recipientName,
          extra: <Tag>{label(recipientKindLabels[a.recipientKind])}</Tag>,
          lines: [`${a.titleName} · ${a.issuer}`, decision(a), a.reason],
          testId: 'award-row',
        }))}
      />
    );
  }
  const columns: TableColumnsType<Award> = [
    { title: t('awards.recipient'), dataIndex: 'recipientName' },
    {
      title: t('awards.recipientKind'),
      dataIndex: 'recipientKind',
      width: 110,
      render: (_: unknown, a) => <Tag>{label(recipientKindLabels[a.recipientKind])}</Tag>,
    },
    { title: t('awards.titleField'), dataIndex: 'titleName' },
    {
      title: t('awards.level'),
      dataIndex: 'level',
      width: 110,
      render: (_: unknown, a) => label(awardLevelLabels[a.level]),
    },
    { title: t('awards.issuer'), dataIndex: 'issuer' },
    {
      title: t('awards.decisionNumber'),
      key: 'decision',
      width: 190,
      render: (_: unknown, a) => decision(a),
    },
    { title: t('awards.reason'), dataIndex: 'reason' },
  ];
  return (
    <Table<Award>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={awards}
      loading={loading}
      pagination={false}
      scroll={{ x: 1000 }}
      locale={{ emptyText: t('awards.empty') }}
      onRow={() => ({ 'data-testid': 'award-row' }) as object}
    />
  );
}

/** Commendations of a year, and the proposals the records make for a person to confirm. */
export default function AwardsPage() {
  const { t, label } = useI18n();
  const user = useCurrentUser();
  const [chosenYear, setChosenYear] = useState<number | undefined>(undefined);
  const candidates = useCandidates(chosenYear);
  const year = chosenYear ?? candidates.data?.year;
  const awards = useAwards(year);
  const summary = useAwardSummary(year);
  const canWrite = can(user.role, 'award.write');
  const [dialog, setDialog] = useState<{ open: boolean; candidate?: AwardCandidate }>({ open: false });

  return (
    <>
      <PageTitle
        title={t('awards.title')}
        sub={
          summary.data ? (
            <span data-testid="award-summary">
              {t('awards.summary', {
                collectives: twoDigits(summary.data.collectives),
                individuals: twoDigits(summary.data.individuals),
              })}
            </span>
          ) : null
        }
        extra={
          <Space wrap>
            <Select
              aria-label={t('awards.year')}
              value={year}
              onChange={setChosenYear}
              options={years.map((y) => ({ value: y, label: `${t('awards.year')} ${y}` }))}
              style={{ minWidth: 130 }}
              data-testid="award-year"
            />
            {canWrite ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ open: true })}>
                {t('awards.new')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Card size="small" className="section" title={t('awards.candidates')} data-testid="award-candidates">
        <div className="muted section" style={{ fontSize: 12 }}>
          {t('awards.candidateNote')}
        </div>
        {candidates.isError ? (
          <ErrorState error={candidates.error} />
        ) : (candidates.data?.items.length ?? 0) === 0 ? (
          <Empty description={t('awards.noCandidates', { year: year ?? '' })} />
        ) : (
          <List
            dataSource={candidates.data?.items ?? []}
            renderItem={(c) => (
              <List.Item
                data-testid="award-candidate"
                actions={
                  canWrite
                    ? [
                        <Button
                          key="confirm"
                          type="primary"
                          size="small"
                          onClick={() => setDialog({ open: true, candidate: c })}
                        >
                          {t('awards.confirm')}
                        </Button>,
                      ]
                    : []
                }
              >
                <List.Item.Meta
                  title={c.unitName}
                  description={`${c.basis} → ${c.titleName} (${label(awardLevelLabels[c.level])})`}
                />
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card size="small" className="section" title={t('awards.list')}>
        {awards.isError ? (
          <ErrorState error={awards.error} />
        ) : (
          <AwardList awards={awards.data?.items ?? []} loading={awards.isPending && year !== undefined} />
        )}
      </Card>
      {dialog.open ? (
        <AwardDialog
          open
          candidate={dialog.candidate}
          year={year ?? thisYear - 1}
          onClose={() => setDialog({ open: false })}
        />
      ) : null}
    </>
  );
}
