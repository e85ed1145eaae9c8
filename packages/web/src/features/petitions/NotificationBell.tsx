import { useState } from 'react';
import { Badge, Button, Divider, Empty, List, Popover, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { notificationKindLabels } from '@caunoi/domain';
import { useIsPhone } from '../../components/use-is-phone';
import { formatInstantDate } from '../../format/date';
import { useI18n } from '../../i18n/i18n-context';
import { useMarkNotificationsRead } from './mutations';
import { useNotifications, useNotificationSummary, usePetitionList } from './queries';
import { DueTag } from './PetitionStateTag';

/**
 * The header bell: its number is the petitions waiting on me (red when one
 * is overdue); opened, it lists them and the latest notices.
 */
export function NotificationBell() {
  const { t, label } = useI18n();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const summary = useNotificationSummary();
  const waiting = usePetitionList({ waiting: 'me' }, 10);
  const notifications = useNotifications(open);
  const markRead = useMarkNotificationsRead();
  const count = summary.data?.waiting ?? 0;
  const unread = summary.data?.unread ?? 0;
  const waitingItems = open ? (waiting.data?.pages[0]?.items ?? []) : [];
  const notices = notifications.data?.items ?? [];

  const go = (path: string) => {
    setOpen(false);
    void navigate(path);
  };

  const content = (
    <div className="bell-panel" data-testid="bell-panel">
      <Typography.Text strong>{t('bell.waiting')}</Typography.Text>
      {waitingItems.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('bell.nothingWaiting')} />
      ) : (
        <List
          size="small"
          dataSource={waitingItems}
          renderItem={(p) => (
            <List.Item
              className="bell-item"
              onClick={() => go(`/petitions/${p.id}`)}
              data-testid="bell-waiting-item"
              data-petition-id={p.id}
            >
              <div>
                <div>{p.title}</div>
                <DueTag due={p.stepDueOn} overdue={p.overdue} />
              </div>
            </List.Item>
          )}
        />
      )}
      {count > waitingItems.length && waitingItems.length > 0 ? (
        <Link to="/petitions?waiting=me" onClick={() => setOpen(false)}>
          {t('bell.allWaiting', { count })}
        </Link>
      ) : null}
      <Divider style={{ margin: '8px 0' }} />
      <div className="bell-heading">
        <Typography.Text strong>{t('bell.notices')}</Typography.Text>
        {unread > 0 ? (
          <Button
            type="link"
            size="small"
            onClick={() => markRead.mutate(undefined)}
            data-testid="bell-read-all"
          >
            {t('bell.markAllRead')}
          </Button>
        ) : null}
      </div>
      {notices.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('bell.noNotices')} />
      ) : (
        <List
          size="small"
          dataSource={notices}
          renderItem={(n) => (
            <List.Item
              className={n.readAt ? 'bell-item' : 'bell-item bell-unread'}
              onClick={() => {
                if (!n.readAt) markRead.mutate([n.id]);
                go(`/petitions/${n.petitionId}`);
              }}
              data-testid="bell-notice"
            >
              <div>
                <div>{label(notificationKindLabels[n.kind])}</div>
                <div className="muted">
                  {n.petitionTitle}
                  {n.unitName ? ` · ${n.unitName}` : ''} · {formatInstantDate(n.createdAt)}
                </div>
              </div>
            </List.Item>
          )}
        />
      )}
    </div>
  );

  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement={isPhone ? 'bottom' : 'bottomRight'}
      content={content}
      arrow={false}
    >
      <Badge
        count={count}
        size="small"
        color={summary.data?.waitingOverdue ? '#cf1322' : '#1677ff'}
        dot={count === 0 && unread > 0}
        offset={[-4, 4]}
      >
        <Button
          type="text"
          icon={<BellOutlined />}
          aria-label={t('bell.label', { count })}
          data-testid="notification-bell"
          data-waiting={count}
        />
      </Badge>
    </Popover>
  );
}
