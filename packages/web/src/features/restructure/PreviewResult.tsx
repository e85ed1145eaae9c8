import { Alert, Card, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import {
  type AffectedUnit,
  type PlanIssue,
  type RestructureFigures,
  type RestructurePlan,
  type RestructureResult,
  type StrandedItem,
} from '@caunoi/domain';
import { formatDate } from '../../format/date';
import { formatNumber } from '../../format/number';
import { useI18n } from '../../i18n/i18n-context';
import { describeOperation, unitNamer } from './describe-plan';

const figureKeys = ['members', 'households', 'poor', 'nearPoor', 'assignments'] as const;

function beforeAfter(
  before: RestructureFigures | null,
  after: RestructureFigures | null,
  key: keyof RestructureFigures,
) {
  const side = (f: RestructureFigures | null) => (f ? formatNumber(f[key]) : '–');
  return `${side(before)} → ${side(after)}`;
}

/** Why the plan cannot be applied: each problem tied to the operation it comes from, in words. */
export function PlanProblems({
  plan,
  issues,
  stranded,
  result,
}: {
  plan: RestructurePlan;
  issues: readonly PlanIssue[];
  stranded: readonly StrandedItem[];
  /** The preview, when there is one: it names the units the plan gives by code. */
  result?: RestructureResult;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const name = unitNamer(plan, result);
  const opText = (index: number | null) => {
    const op = index === null ? undefined : plan.operations[index];
    return op
      ? `${t('restructure.operationN', { n: (index ?? 0) + 1 })} (${describeOperation(op, name, i18n)})`
      : t('restructure.planWide');
  };
  return (
    <>
      {issues.length > 0 ? (
        <Alert
          type="error"
          showIcon
          className="section"
          data-testid="restructure-issues"
          title={t('restructure.issues')}
          description={
            <ul>
              {issues.map((issue, i) => (
                <li key={i}>
                  {t('restructure.issueOf', { op: opText(issue.operation), message: issue.message })}
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
      {stranded.length > 0 ? (
        <Alert
          type="error"
          showIcon
          className="section"
          data-testid="restructure-stranded"
          title={t('restructure.stranded')}
          description={
            <ul>
              {stranded.map((s, i) => (
                <li key={i}>
                  {t('restructure.strandedLine', {
                    unit: name(s.unitCode),
                    count: formatNumber(s.count),
                    kind: t(`restructure.kind.${s.kind}`),
                  })}
                  {s.codes.length > 0 ? (
                    <span className="muted">
                      {' '}
                      ({t('restructure.strandedCodes', { codes: s.codes.join(', ') })})
                    </span>
                  ) : null}
                  {s.operation !== null ? <span className="muted"> · {opText(s.operation)}</span> : null}
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
    </>
  );
}

/** The affected units, their figures before and after, and what moves where. */
export function PreviewResult({ plan, result }: { plan: RestructurePlan; result: RestructureResult }) {
  const { t } = useI18n();
  const name = unitNamer(plan, result);
  const blocked = result.issues.length > 0 || result.stranded.length > 0;
  const columns: ColumnsType<AffectedUnit> = [
    {
      title: t('restructure.col.unit'),
      key: 'unit',
      fixed: 'left',
      width: 180,
      render: (_, u) => (
        <>
          {result.applied && u.id !== null ? <Link to={`/units/${u.id}`}>{u.name}</Link> : u.name}
          {u.newName && u.newName !== u.name ? <div className="muted">→ {u.newName}</div> : null}
          <div className="muted">
            {u.newCode && u.newCode !== u.code ? `${u.code} → ${u.newCode}` : u.code}
          </div>
        </>
      ),
    },
    {
      title: t('restructure.col.changes'),
      key: 'changes',
      render: (_, u) =>
        u.changes.map((c) => (
          <Tag key={c} color={c === 'ended' ? 'red' : c === 'created' ? 'green' : undefined}>
            {t(`restructure.change.${c}`)}
          </Tag>
        )),
    },
    ...figureKeys.map((key) => ({
      title: t(`restructure.col.${key}`),
      key,
      align: 'right' as const,
      render: (_: unknown, u: AffectedUnit) => (
        <span data-testid={`figure-${key}`}>{beforeAfter(u.before, u.after, key)}</span>
      ),
    })),
  ];

  return (
    <Card
      className="section"
      data-testid="restructure-preview"
      title={t('restructure.previewTitle', {
        before: formatDate(result.resolvedOn),
        date: formatDate(result.effectiveDate),
      })}
    >
      <PlanProblems plan={plan} issues={result.issues} stranded={result.stranded} result={result} />
      {!blocked && !result.applied ? (
        <Alert type="success" showIcon className="section" title={t('restructure.ok')} />
      ) : null}
      <p className="muted">{t('restructure.figuresHint')}</p>
      <Table<AffectedUnit>
        rowKey={(u) => u.code}
        size="small"
        columns={columns}
        dataSource={result.units}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onRow={(u) =>
          ({ 'data-testid': 'preview-unit', 'data-code': u.code }) as React.HTMLAttributes<HTMLElement>
        }
        className="section"
      />
      {result.moves.length > 0 ? (
        <>
          <h4>{t('restructure.moves')}</h4>
          <ul data-testid="restructure-moves">
            {result.moves.map((m, i) => (
              <li key={i}>
                {t('restructure.moveLine', {
                  count: formatNumber(m.count),
                  kind: t(`restructure.kind.${m.kind}`),
                  from: name(m.fromCode),
                  to: name(m.toCode),
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {result.accountsRescoped > 0 ? (
        <p className="muted">
          {t('restructure.accountsRescoped', { count: formatNumber(result.accountsRescoped) })}
        </p>
      ) : null}
    </Card>
  );
}
