import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert, App, Button, Input, Modal, Popconfirm, Space, Table } from 'antd';
import { formatOf, type CellReportSummary } from '@caunoi/domain';
import { errorToMessage } from '../../api/error-message';
import { ErrorState } from '../../components/ErrorState';
import { PageTitle } from '../../components/PageTitle';
import { formatInstantDate } from '../../format/date';
import { useI18n } from '../../i18n/i18n-context';
import { useCurrentUser } from '../auth/current-user';
import { ReportStateTag } from './MonthFigures';
import { currentMonth, monthLabel, MonthSelect, monthNumber, recentMonths } from './MonthSelect';
import { useCellReportAction, useCellReports } from './queries';
import { SendWindowCard } from './SendWindowCard';

/** The commune's list of its cells' monthly reports: approve or return (with a comment) from the list. */
export default function ReviewPage() {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const month = params.get('month') ?? currentMonth();
  const list = useCellReports(undefined, month);
  // Cells send a month's report after it ends: on the current month, say what last month still has waiting.
  const previous = recentMonths(2)[1]!;
  const previousList = useCellReports(undefined, previous, month === currentMonth());
  const waitingLastMonth = (previousList.data?.items ?? []).filter((r) => r.state === 'submitted').length;
  const showMonth = (m: string) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      next.set('month', m);
      return next;
    });
  const act = useCellReportAction();
  const [returning, setReturning] = useState<CellReportSummary | null>(null);
  const [comment, setComment] = useState('');

  const approve = (row: CellReportSummary) =>
    act.mutate(
      { cellId: row.cellId, month, action: 'approve', version: row.version },
      { onSuccess: () => void message.success(t('monthly.approved')) },
    );
  // Each return starts from an empty reason: one cell's reason never carries over to the next.
  const openReturn = (row: CellReportSummary) => {
    setComment('');
    setReturning(row);
  };
  const closeReturn = () => {
    setReturning(null);
    setComment('');
  };
  const sendBack = () => {
    if (!returning) return;
    act.mutate(
      { cellId: returning.cellId, month, action: 'return', comment, version: returning.version },
      {
        onSuccess: () => {
          void message.success(t('monthly.returned'));
          closeReturn();
        },
      },
    );
  };

  return (
    <>
      <PageTitle
        title={t('monthly.reviewTitle')}
        extra={<MonthSelect value={month} onChange={showMonth} />}
      />
      {month === currentMonth() && waitingLastMonth > 0 ? (
        <Alert
          type="info"
          showIcon
          className="section"
          data-testid="review-waiting-last-month"
          title={t('monthly.waitingLastMonth', { count: waitingLastMonth, month: monthLabel(previous) })}
          action={<Button onClick={() => showMonth(previous)}>{t('monthly.openLastMonth')}</Button>}
        />
      ) : null}
      {act.isError ? <Alert type="error" showIcon title={errorToMessage(act.error, language)} /> : null}
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table
          size="small"
          rowKey="cellId"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          pagination={false}
          scroll={{ x: true }}
          data-testid="review-list"
          columns={[
            {
              title: t('monthly.cell'),
              dataIndex: 'cellName',
              render: (name: string, row) => (
                <Link to={`/cell-report?cellId=${row.cellId}&month=${month}`}>{name}</Link>
              ),
            },
            { title: t('monthly.state'), dataIndex: 'state', render: (s) => <ReportStateTag state={s} /> },
            {
              title: t('monthly.members'),
              render: (_: unknown, row) => formatOf(row.membersReported, row.members),
            },
            {
              title: t('monthly.submittedAt'),
              dataIndex: 'submittedAt',
              render: (at: string | null) => (at ? formatInstantDate(at) : ''),
            },
            {
              title: '',
              render: (_: unknown, row) => (
                <Space>
                  {row.lateChanges > 0 ? (
                    <span>{t('monthly.lateChanges', { count: row.lateChanges })}</span>
                  ) : null}
                  {row.state === 'submitted' ? (
                    <>
                      {/* Approval locks the cell's month for good: confirmed in words, with who has not reported. */}
                      <Popconfirm
                        title={t('monthly.confirmApprove', { month: monthNumber(month), cell: row.cellName })}
                        description={t(
                          row.membersReported < row.members
                            ? 'monthly.confirmMembersMissing'
                            : 'monthly.confirmMembersAll',
                          { reported: row.membersReported, members: row.members },
                        )}
                        okText={t('monthly.approve')}
                        cancelText={t('app.cancel')}
                        onConfirm={() => approve(row)}
                        okButtonProps={{ 'data-testid': `approve-confirm-${row.cellId}` }}
                      >
                        <Button type="primary" size="small" data-testid={`approve-${row.cellId}`}>
                          {t('monthly.approve')}
                        </Button>
                      </Popconfirm>
                      <Button
                        size="small"
                        danger
                        onClick={() => openReturn(row)}
                        data-testid={`return-${row.cellId}`}
                      >
                        {t('monthly.return')}
                      </Button>
                    </>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      )}
      <SendWindowCard unitId={user.scopeUnitId} />
      <Modal
        open={returning !== null}
        title={
          returning ? t('monthly.returnTitle', { month: monthNumber(month), cell: returning.cellName }) : ''
        }
        okText={t('monthly.return')}
        cancelText={t('app.cancel')}
        okButtonProps={{ danger: true, disabled: !comment.trim() }}
        onOk={sendBack}
        onCancel={closeReturn}
        destroyOnHidden
      >
        <Input.TextArea
          aria-label={t('monthly.returnComment')}
          data-testid="review-return-comment"
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          placeholder={t('monthly.returnComment')}
          autoSize={{ minRows: 3 }}
        />
      </Modal>
    </>
  );
}
