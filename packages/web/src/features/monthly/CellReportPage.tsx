import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert, App, Button, Card, Input, Popconfirm, Space, Table } from 'antd';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { todayInVietnam, type ReportAction } from '@caunoi/domain';
import { errorToMessage } from '../../api/error-message';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { PageTitle } from '../../components/PageTitle';
import { formatDate, formatInstantDate } from '../../format/date';
import { useI18n } from '../../i18n/i18n-context';
import { useCurrentUser } from '../auth/current-user';
import { CellFigures, FiguresNote, ReportStateTag } from './MonthFigures';
import { currentMonth, MonthSelect, monthNumber } from './MonthSelect';
import { useCellReport, useCellReportAction } from './queries';

/**
 * A cell's monthly report: who of its members reported, the cell's figures,
 * the secretary's text and submission; the commune approves (locking the
 * month) or returns it with a comment on the same page.
 */
export default function CellReportPage() {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const month = params.get('month') ?? currentMonth();
  const cellParam = params.get('cellId');
  const cellId = cellParam && /^\d+$/.test(cellParam) ? Number(cellParam) : user.scopeUnitId;
  const report = useCellReport(cellId, month);
  const act = useCellReportAction();
  const [text, setText] = useState('');
  const [comment, setComment] = useState('');
  const data = report.data;

  useEffect(() => {
    setText(data?.text ?? '');
  }, [data?.id, data?.version, data?.text]);
  // A return comment belongs to one cell's month: another report starts empty.
  useEffect(() => setComment(''), [cellId, month]);

  if (report.isPending) return <LoadingState />;
  if (report.isError || !data)
    return <ErrorState error={report.error} onRetry={() => void report.refetch()} />;

  const run = (action: ReportAction) =>
    act.mutate(
      {
        cellId,
        month,
        action,
        ...(action === 'return' ? { comment } : action === 'approve' ? {} : { text }),
        version: data.version,
      },
      {
        onSuccess: () =>
          void message.success(
            t(
              action === 'submit'
                ? 'monthly.submitted'
                : action === 'approve'
                  ? 'monthly.approved'
                  : action === 'return'
                    ? 'monthly.returned'
                    : 'monthly.saved',
            ),
          ),
      },
    );
  const editable = data.actions.includes('submit');
  // The commune's send window (the server refuses outside it): say when it opens rather than fail.
  const sendOpen = todayInVietnam() >= data.sendOpensOn;
  const reported = data.members.filter((m) => m.state === 'submitted').length;
  const membersLine = t(
    reported < data.members.length ? 'monthly.confirmMembersMissing' : 'monthly.confirmMembersAll',
    {
      reported,
      members: data.members.length,
    },
  );

  return (
    <>
      <PageTitle
        title={t('monthly.cellTitle')}
        sub={`${data.cellName} · ${data.communeName}`}
        extra={
          <Space wrap>
            <MonthSelect
              value={month}
              onChange={(m) =>
                setParams((current) => {
                  const next = new URLSearchParams(current);
                  next.set('month', m);
                  return next;
                })
              }
            />
            <Link to={`/cell-report/print?cellId=${cellId}&month=${month}`} data-testid="cell-report-print">
              <Button icon={<PrinterOutlined />}>{t('monthly.print')}</Button>
            </Link>
            {/* A plain link: the browser downloads the file with the session cookie; the server records the export. */}
            <Button
              icon={<DownloadOutlined />}
              href={`/api/v1/monthly-reports/cell.xlsx?cellId=${cellId}&month=${month}`}
              data-testid="cell-report-excel"
            >
              {t('monthly.excel')}
            </Button>
          </Space>
        }
      />
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <Space wrap>
          <ReportStateTag state={data.state} />
          {data.approvedAt ? (
            <span>
              {t('monthly.approvedBy', {
                name: data.approvedBy ?? '',
                at: formatInstantDate(data.approvedAt),
              })}
            </span>
          ) : null}
        </Space>
        {data.state === 'returned' && data.returnComment ? (
          <Alert type="warning" showIcon title={t('monthly.returnedBy', { comment: data.returnComment })} />
        ) : null}
        {data.lateChanges.length > 0 ? (
          <Alert
            type="info"
            showIcon
            data-testid="late-changes"
            title={t('monthly.lateChanges', { count: data.lateChanges.length })}
            description={
              <ul style={{ margin: 0 }}>
                {data.lateChanges.map((c) => (
                  <li key={c.id}>
                    {t('monthly.lateChange', {
                      at: formatInstantDate(c.at),
                      entity: c.entity,
                      date: c.recordDate,
                      actor: c.actorName ?? '',
                    })}
                  </li>
                ))}
              </ul>
            }
          />
        ) : null}
        <Card size="small" title={t('monthly.figures')}>
          <FiguresNote at={data.figuresAt} />
          <CellFigures figures={data.figures} />
        </Card>
        <Card size="small" title={t('monthly.text')}>
          {editable ? (
            <Input.TextArea
              value={text}
              onChange={(e) => setText(e.target.value)}
              autoSize={{ minRows: 4, maxRows: 14 }}
              placeholder={t('monthly.cellTextHint')}
              aria-label={t('monthly.text')}
              maxLength={8000}
              data-testid="cell-report-text"
            />
          ) : (
            <div style={{ whiteSpace: 'pre-wrap' }}>{data.text}</div>
          )}
        </Card>
        {data.actions.includes('submit') && !sendOpen ? (
          <Alert
            type="info"
            showIcon
            data-testid="cell-send-opens"
            title={t('monthly.sendOpensOn', {
              month: monthNumber(month),
              date: formatDate(data.sendOpensOn),
            })}
          />
        ) : null}
        {act.isError ? <Alert type="error" showIcon title={errorToMessage(act.error, language)} /> : null}
        <Space wrap>
          {data.actions.includes('save') ? (
            <Button onClick={() => run('save')} loading={act.isPending} data-testid="cell-report-save">
              {t('monthly.save')}
            </Button>
          ) : null}
          {data.actions.includes('submit') ? (
            // Sending ends the cell's work on the month: say who has not reported before it goes.
            <Popconfirm
              title={t('monthly.confirmSubmitCell', { month: monthNumber(month) })}
              description={
                <div data-testid="cell-submit-warning">
                  <div>{membersLine}</div>
                  {text.trim() ? null : <div>{t('monthly.confirmEmptyText')}</div>}
                </div>
              }
              okText={t('monthly.submit')}
              cancelText={t('app.cancel')}
              onConfirm={() => run('submit')}
              disabled={!sendOpen}
              okButtonProps={{ 'data-testid': 'cell-report-submit-confirm' }}
            >
              <Button
                type="primary"
                loading={act.isPending}
                disabled={!sendOpen}
                data-testid="cell-report-submit"
              >
                {t('monthly.submit')}
              </Button>
            </Popconfirm>
          ) : null}
          {data.actions.includes('approve') ? (
            // Approval locks the month for good: confirmed in words.
            <Popconfirm
              title={t('monthly.confirmApprove', { month: monthNumber(month), cell: data.cellName })}
              description={membersLine}
              okText={t('monthly.approve')}
              cancelText={t('app.cancel')}
              onConfirm={() => run('approve')}
              okButtonProps={{ 'data-testid': 'cell-report-approve-confirm' }}
            >
              <Button type="primary" loading={act.isPending} data-testid="cell-report-approve">
                {t('monthly.approve')}
              </Button>
            </Popconfirm>
          ) : null}
        </Space>
        {data.actions.includes('return') ? (
          <Space.Compact style={{ width: '100%' }}>
            <Input
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              placeholder={t('monthly.returnComment')}
              data-testid="cell-return-input"
            />
            <Button
              danger
              disabled={!comment.trim()}
              onClick={() => run('return')}
              data-testid="cell-report-return"
            >
              {t('monthly.return')}
            </Button>
          </Space.Compact>
        ) : null}
        <Card size="small" title={t('monthly.memberReports')}>
          <Table
            size="small"
            rowKey="memberId"
            pagination={false}
            dataSource={data.members}
            data-testid="cell-members"
            columns={[
              {
                title: t('monthly.memberName'),
                dataIndex: 'memberName',
                render: (name: string, m) =>
                  user.role === 'member' ? (
                    name
                  ) : (
                    <Link to={`/monthly-report?memberId=${m.memberId}&month=${month}`}>{name}</Link>
                  ),
              },
              { title: t('monthly.state'), dataIndex: 'state', render: (s) => <ReportStateTag state={s} /> },
              {
                title: t('monthly.submittedAt'),
                dataIndex: 'submittedAt',
                render: (at: string | null) => (at ? formatInstantDate(at) : ''),
              },
            ]}
          />
        </Card>
      </Space>
    </>
  );
}
