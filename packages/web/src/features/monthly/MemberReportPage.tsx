import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, App, Button, Card, Input, Popconfirm, Space } from 'antd';
import { todayInVietnam, type ReportAction } from '@caunoi/domain';
import { errorToMessage } from '../../api/error-message';
import { formatDate } from '../../format/date';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { PageTitle } from '../../components/PageTitle';
import { useOnline } from '../../components/use-online';
import { useI18n } from '../../i18n/i18n-context';
import { useCurrentUser } from '../auth/current-user';
import { FiguresNote, MemberFigures, ReportStateTag } from './MonthFigures';
import { currentMonth, MonthSelect, monthNumber } from './MonthSelect';
import { useMemberReport, useMemberReportAction, useSaveReportDraft } from './queries';

/**
 * A member's monthly report, phone-first: the month's figures counted from
 * the records (frozen once sent), the member's own text, save and submit; the
 * cell secretary opens the same page with ?memberId= to return it with a comment.
 */
export default function MemberReportPage() {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const month = params.get('month') ?? currentMonth();
  const memberId = params.get('memberId') ?? undefined;
  const report = useMemberReport(memberId, month);
  const act = useMemberReportAction();
  const saveDraft = useSaveReportDraft(month);
  const online = useOnline();
  const [text, setText] = useState('');
  const [comment, setComment] = useState('');
  const data = report.data;

  useEffect(() => {
    setText(data?.text ?? '');
  }, [data?.id, data?.version, data?.text]);
  // A return comment belongs to one member's month: another report starts empty.
  useEffect(() => setComment(''), [memberId, month]);

  if (!memberId && !user.memberId) return <Alert type="info" title={t('monthly.noMember')} />;
  if (report.isPending) return <LoadingState />;
  if (report.isError || !data)
    return <ErrorState error={report.error} onRetry={() => void report.refetch()} />;

  const run = (action: ReportAction) =>
    action === 'save' && !memberId
      ? saveDraft.mutate(
          { text, version: data.version },
          {
            onSuccess: (outcome) =>
              void message.success(t(outcome.queued ? 'offline.queuedSaved' : 'monthly.saved')),
          },
        )
      : act.mutate(
          {
            ...(memberId ? { memberId } : {}),
            month,
            action: action as 'save' | 'submit' | 'return',
            ...(action === 'return' ? { comment } : { text }),
            version: data.version,
          },
          {
            onSuccess: () =>
              void message.success(
                t(
                  action === 'submit'
                    ? 'monthly.submitted'
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

  return (
    <>
      <PageTitle
        title={t('monthly.memberTitle')}
        sub={`${data.memberName} · ${data.cellName}`}
        extra={
          <Space>
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
            <ReportStateTag state={data.state} />
          </Space>
        }
      />
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        {data.state === 'returned' && data.returnComment ? (
          <Alert
            type="warning"
            showIcon
            title={t('monthly.returnedBy', { comment: data.returnComment })}
            data-testid="return-comment"
          />
        ) : null}
        <Card size="small" title={t('monthly.figures')}>
          <FiguresNote at={data.figuresAt} />
          <MemberFigures figures={data.figures} />
        </Card>
        <Card size="small" title={t('monthly.text')}>
          {editable ? (
            <Input.TextArea
              value={text}
              onChange={(e) => setText(e.target.value)}
              autoSize={{ minRows: 4, maxRows: 12 }}
              placeholder={t('monthly.memberTextHint')}
              aria-label={t('monthly.text')}
              maxLength={8000}
              data-testid="report-text"
            />
          ) : (
            <div style={{ whiteSpace: 'pre-wrap' }}>{data.text}</div>
          )}
        </Card>
        {data.actions.includes('submit') && !sendOpen ? (
          <Alert
            type="info"
            showIcon
            data-testid="report-send-opens"
            title={t('monthly.sendOpensOn', {
              month: monthNumber(month),
              date: formatDate(data.sendOpensOn),
            })}
          />
        ) : null}
        {!online && data.actions.includes('submit') ? (
          // Sending freezes the figures counted on the server: it cannot wait in the phone's outbox.
          <Alert
            type="warning"
            showIcon
            data-testid="report-needs-network"
            title={t('offline.needsNetwork')}
          />
        ) : null}
        {act.isError || saveDraft.isError ? (
          <Alert type="error" showIcon title={errorToMessage(act.error ?? saveDraft.error, language)} />
        ) : null}
        <Space wrap>
          {data.actions.includes('save') ? (
            <Button
              onClick={() => run('save')}
              loading={act.isPending || saveDraft.isPending}
              data-testid="report-save"
            >
              {t('monthly.save')}
            </Button>
          ) : null}
          {data.actions.includes('submit') ? (
            // Submission freezes the figures: confirmed in words, saying what is missing.
            <Popconfirm
              title={t('monthly.confirmSubmitMember', { month: monthNumber(month) })}
              description={text.trim() ? undefined : t('monthly.confirmEmptyText')}
              okText={t('monthly.submit')}
              cancelText={t('app.cancel')}
              onConfirm={() => run('submit')}
              disabled={!sendOpen || !online}
              okButtonProps={{ 'data-testid': 'report-submit-confirm' }}
            >
              <Button
                type="primary"
                loading={act.isPending}
                disabled={!sendOpen || !online}
                data-testid="report-submit"
              >
                {t('monthly.submit')}
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
              data-testid="return-input"
            />
            <Button
              danger
              disabled={!comment.trim()}
              onClick={() => run('return')}
              data-testid="report-return"
            >
              {t('monthly.return')}
            </Button>
          </Space.Compact>
        ) : null}
      </Space>
    </>
  );
}
