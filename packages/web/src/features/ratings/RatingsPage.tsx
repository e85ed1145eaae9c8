import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, Button, Card, List, Segmented, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import {
  can,
  pendingStep,
  ratingStateLabels,
  ratingStepLabels,
  ratingStepRules,
  ratingSubjectLabels,
  resultLevelLabels,
  todayInVietnam,
  type RatingBoardRow,
  type RatingStep,
  type RatingSubject,
  type SessionUser,
  formatDecimal,
} from '@caunoi/domain';
import { ErrorState } from '../../components/ErrorState';
import { PageTitle } from '../../components/PageTitle';
import { useIsPhone } from '../../components/use-is-phone';
import { YearShownNote } from '../../components/YearShownNote';
import { useI18n } from '../../i18n/i18n-context';
import { useCurrentUser } from '../auth/current-user';
import { useUnit } from '../units/queries';
import { levelColor } from './level-color';
import { ratingsExcelUrl, useFrameworks, useRatingBoard } from './queries';
import { ScoreSheetDialog } from './ScoreSheetDialog';

const thisYear = Number(todayInVietnam().slice(0, 4));
export const yearOptions = Array.from({ length: thisYear - 2019 }, (_, i) => thisYear - i);
const stepPermission = {
  self_assess: 'rating.self_assess',
  propose: 'rating.propose',
  decide: 'rating.decide',
} as const;

/** Whether this account may take `step` for the row (mirrors the server's table; the server decides). */
function mayTake(user: SessionUser, row: RatingBoardRow, step: RatingStep): boolean {
  const rule = ratingStepRules[row.subject][step];
  if (!can(user.role, stepPermission[step]) || !rule.roles.includes(user.role)) return false;
  if (user.role === 'member') return row.memberId === user.memberId;
  return rule.reach === 'unit' || user.scopeUnitId !== row.unitId;
}

/** Yearly ratings of a unit: each member, cell or committee with its step and level; the score sheet of the next step. */
export default function RatingsPage() {
  const { t, label, language } = useI18n();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const unitId = Number(params.get('unit') ?? user.scopeUnitId);
  const yearParam = params.get('year');
  const askedYear = yearParam && /^\d{4}$/.test(yearParam) ? Number(yearParam) : undefined;
  const [subject, setSubject] = useState<RatingSubject | 'all'>('all');
  const unit = useUnit(unitId);
  const board = useRatingBoard(unitId, askedYear, subject === 'all' ? undefined : subject);
  // No year asked: the server's (this year, else the latest with ratings, said in words).
  const year = askedYear ?? board.data?.year ?? thisYear;
  const frameworks = useFrameworks(year);
  const [open, setOpen] = useState<{ row: RatingBoardRow; step: RatingStep } | null>(null);
  const isPhone = useIsPhone();
  /** The next step this account may take for the row, or the same step again while the rating sits at it. */
  const stepFor = (r: RatingBoardRow): { step: RatingStep; next: boolean } | null => {
    if (!frameworks.data?.items.some((f) => f.subject === r.subject)) return null;
    const next = pendingStep(r.rating?.state ?? null);
    const state = r.rating?.state;
    const again: RatingStep | null =
      state === 'self_assessed'
        ? 'self_assess'
        : state === 'proposed'
          ? 'propose'
          : state === 'decided'
            ? 'decide'
            : null;
    if (next && mayTake(user, r, next)) return { step: next, next: true };
    if (again && mayTake(user, r, again)) return { step: again, next: false };
    return null;
  };
  const stepButton = (r: RatingBoardRow) => {
    const found = stepFor(r);
    if (!found) return null;
    return (
      <Button
        size="small"
        type={found.next ? 'primary' : 'default'}
        onClick={() => setOpen({ row: r, step: found.step })}
      >
        {label(ratingStepLabels[found.step])}
      </Button>
    );
  };
  const stateText = (r: RatingBoardRow) => (
    <span data-testid="rating-state">{label(ratingStateLabels[r.rating?.state ?? 'not_started'])}</span>
  );
  const levelTag = (r: RatingBoardRow) =>
    r.rating ? (
      <Tag color={levelColor[r.rating.level]}>{label(resultLevelLabels[r.rating.level])}</Tag>
    ) : null;
  const setParam = (key: string, value: string | number) => {
    const next = new URLSearchParams(params);
    next.set(key, String(value));
    setParams(next);
  };

  const columns: TableColumnsType<RatingBoardRow> = [
    {
      title: t('ratings.subject'),
      render: (_: unknown, r) =>
        r.subject !== 'member' && r.unitId !== unitId ? (
          <Button type="link" style={{ padding: 0 }} onClick={() => setParam('unit', r.unitId)}>
            {r.unitName}
          </Button>
        ) : (
          (r.memberName ?? r.unitName)
        ),
    },
    {
      title: t('ratings.kind'),
      width: 130,
      render: (_: unknown, r) => <Tag>{label(ratingSubjectLabels[r.subject])}</Tag>,
    },
    {
      title: t('ratings.state'),
      width: 150,
      render: (_: unknown, r) => stateText(r),
    },
    {
      title: t('ratings.total'),
      width: 80,
      align: 'right',
      render: (_: unknown, r) => (r.rating ? formatDecimal(r.rating.total, language) : '—'),
    },
    {
      title: t('ratings.level'),
      width: 230,
      render: (_: unknown, r) => levelTag(r),
    },
    { title: '', width: 170, render: (_: unknown, r) => stepButton(r) },
  ];

  return (
    <>
      <PageTitle
        title={t('ratings.title')}
        sub={unit.data ? unit.data.name : null}
        extra={
          <Space wrap>
            {unitId !== user.scopeUnitId ? (
              <Button onClick={() => setParam('unit', user.scopeUnitId)}>{t('ratings.backToScope')}</Button>
            ) : null}
            <Select
              aria-label={t('ratings.year')}
              value={year}
              onChange={(y) => setParam('year', y)}
              options={yearOptions.map((y) => ({ value: y, label: `${t('ratings.year')} ${y}` }))}
              style={{ minWidth: 120 }}
              data-testid="rating-year"
            />
            <a
              href={ratingsExcelUrl(unitId, year, subject === 'all' ? undefined : subject)}
              download
              data-testid="ratings-excel"
            >
              <Button icon={<FileExcelOutlined />}>{t('ratings.export')}</Button>
            </a>
          </Space>
        }
      />
      {/* The four choices are wider than a 360-px phone: they scroll inside, the page does not. */}
      <div className="section" style={{ overflowX: 'auto', maxWidth: '100%' }}>
        <Segmented<RatingSubject | 'all'>
          value={subject}
          onChange={setSubject}
          options={[
            { value: 'all', label: t('ratings.all') },
            { value: 'member', label: label(ratingSubjectLabels.member) },
            { value: 'cell', label: label(ratingSubjectLabels.cell) },
            { value: 'committee', label: label(ratingSubjectLabels.committee) },
          ]}
        />
      </div>
      <YearShownNote shown={board.data?.yearShown} />
      {frameworks.data && frameworks.data.items.length === 0 ? (
        <Alert className="section" type="info" showIcon message={t('ratings.noFramework', { year })} />
      ) : null}
      {(board.data?.capChecks ?? []).map((c) => (
        <Alert
          key={`${c.subject}:${c.unitId}`}
          className="section"
          type={c.check.exceeded ? 'warning' : 'success'}
          showIcon
          data-testid="cap-check"
          message={t(c.check.exceeded ? 'ratings.capExceeded' : 'ratings.capOk', {
            unit: c.unitName,
            excellent: c.check.excellent,
            allowed: c.check.allowed ?? 0,
            basis: c.check.basis,
            percent: c.check.capPercent ?? 0,
          })}
        />
      ))}
      <Card size="small" className="section">
        {board.isError ? (
          <ErrorState error={board.error} />
        ) : isPhone ? (
          <List<RatingBoardRow>
            loading={board.isPending}
            dataSource={board.data?.rows ?? []}
            locale={{ emptyText: t('ratings.empty') }}
            pagination={{ pageSize: 30, hideOnSinglePage: true, size: 'small' }}
            renderItem={(r) => (
              <List.Item data-testid="rating-row" extra={stepButton(r)}>
                <List.Item.Meta
                  title={r.memberName ?? r.unitName}
                  description={
                    <Space wrap size={4}>
                      <Tag>{label(ratingSubjectLabels[r.subject])}</Tag>
                      {stateText(r)}
                      {r.rating ? `· ${formatDecimal(r.rating.total, language)}` : null}
                      {levelTag(r)}
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
        ) : (
          <Table<RatingBoardRow>
            rowKey={(r) => `${r.subject}:${r.memberId ?? r.unitId}`}
            size="middle"
            loading={board.isPending}
            dataSource={board.data?.rows ?? []}
            columns={columns}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            scroll={{ x: 800 }}
            locale={{ emptyText: t('ratings.empty') }}
            onRow={() => ({ 'data-testid': 'rating-row' }) as object}
            expandable={{
              rowExpandable: (r) => (r.rating?.steps.length ?? 0) > 0,
              expandedRowRender: (r) => (
                <Space direction="vertical">
                  {r.rating?.steps.map((s) => (
                    <span key={s.step}>
                      {label(ratingStepLabels[s.step])}: {formatDecimal(s.total, language)} —{' '}
                      {label(resultLevelLabels[s.level])}
                      {s.note ? ` (${s.note})` : ''}
                    </span>
                  ))}
                </Space>
              ),
            }}
          />
        )}
      </Card>
      {open && frameworks.data ? (
        <ScoreSheetDialog
          row={open.row}
          step={open.step}
          year={year}
          framework={
            frameworks.data.items.find((f) => f.id === open.row.rating?.frameworkId) ??
            frameworks.data.items.find((f) => f.subject === open.row.subject)!
          }
          onClose={() => setOpen(null)}
        />
      ) : null}
    </>
  );
}
