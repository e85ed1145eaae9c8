import { useState } from 'react';
import { App, Button, Card, Empty, Popconfirm, Space, Spin } from 'antd';
import { v7 as uuidv7 } from 'uuid';
import { PageTitle } from '../components/PageTitle';
import { formatInstantDateTime } from '../format/date';
import { useOnline } from '../components/use-online';
import { errorMessage } from '@caunoi/domain';
import { useI18n } from '../i18n/i18n-context';
import { useCurrentUser } from '../features/auth/current-user';
import { ConflictResolver } from './ConflictResolver';
import { flushOutbox } from './flush-outbox';
import { putQueuedWrite, removeQueuedWrite, replaceQueuedWrite, type QueuedWrite } from './outbox-store';
import { useOutbox, useOutboxRead } from './use-outbox';
import { QueuedStateTag } from './QueuedStateTag';

/**
 * What this phone still holds for the signed-in account: writes waiting for
 * the network, writes the server refused (with its reason, to send again or
 * discard) and edits that met someone else's change (to resolve field by field).
 */
export default function OutboxPage() {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const online = useOnline();
  const writes = useOutbox().filter((w) => w.userId === user.id);
  const read = useOutboxRead();
  const [busy, setBusy] = useState<string | null>(null);

  const send = async (id: string) => {
    setBusy(id);
    try {
      const result = await flushOutbox(user.id);
      if (result.sent > 0) void message.success(t('outbox.sent', { n: result.sent }));
    } finally {
      setBusy(null);
    }
  };
  const retry = async (write: QueuedWrite) => {
    // A visit the server thought a duplicate goes again as confirmed: the member has looked at it.
    const body =
      write.error?.code === 'VISIT_POSSIBLE_DUPLICATE'
        ? { ...write.body, confirmDuplicate: true }
        : write.body;
    await putQueuedWrite({ ...write, body, state: 'waiting', error: null });
    await send(write.id);
  };
  const discard = async (write: QueuedWrite) => {
    await removeQueuedWrite(write.id);
    void message.success(t('outbox.discarded'));
  };
  const resolve = async (write: QueuedWrite, keep: string[], onVersion: number) => {
    if (keep.length === 0) {
      await removeQueuedWrite(write.id);
    } else {
      // The choice is a new edit on the server's version, with its own write id.
      const writeId = uuidv7();
      const body = Object.fromEntries(keep.map((field) => [field, write.body[field]]));
      await replaceQueuedWrite(write.id, {
        ...write,
        id: writeId,
        body: { ...body, version: onVersion, writeId },
        state: 'waiting',
        error: null,
        createdAt: new Date().toISOString(),
      });
      await send(writeId);
    }
    void message.success(t('outbox.resolved'));
  };

  return (
    <>
      <PageTitle title={t('outbox.title')} />
      <p className="muted">{t('outbox.intro')}</p>
      {!read ? (
        <Spin />
      ) : writes.length === 0 ? (
        <Empty description={t('outbox.empty')} data-testid="outbox-empty" />
      ) : (
        writes.map((write) => (
          <Card
            key={write.id}
            size="small"
            className="section"
            data-testid="outbox-item"
            data-state={write.state}
            title={
              <Space wrap>
                <QueuedStateTag state={write.state} />
                <span>{t(`outbox.kind.${write.kind}`)}</span>
                <span className="muted">{write.label}</span>
              </Space>
            }
          >
            <p className="muted">{t('outbox.madeAt', { time: formatInstantDateTime(write.createdAt) })}</p>
            {write.state === 'refused' && write.error ? (
              <p data-testid="outbox-reason">
                {t('outbox.reason', {
                  reason:
                    language === 'vi'
                      ? write.error.message
                      : errorMessage(
                          write.error.code as Parameters<typeof errorMessage>[0],
                          'en',
                          write.error.details,
                        ),
                })}
              </p>
            ) : null}
            {write.state === 'conflict' ? (
              <ConflictResolver
                write={write}
                busy={busy === write.id}
                onResolve={(keep, onVersion) => void resolve(write, keep, onVersion)}
              />
            ) : null}
            <Space wrap>
              {write.state === 'waiting' ? (
                <Button disabled={!online} loading={busy === write.id} onClick={() => void send(write.id)}>
                  {t('outbox.sendNow')}
                </Button>
              ) : null}
              {write.state === 'refused' ? (
                <Button
                  disabled={!online}
                  loading={busy === write.id}
                  onClick={() => void retry(write)}
                  data-testid="outbox-retry"
                >
                  {t('outbox.retry')}
                </Button>
              ) : null}
              <Popconfirm
                title={t('outbox.discardTitle')}
                description={t('outbox.discardText')}
                okText={t('outbox.discardConfirm')}
                okButtonProps={{ danger: true }}
                cancelText={t('app.cancel')}
                onConfirm={() => void discard(write)}
              >
                <Button danger data-testid="outbox-discard">
                  {t('outbox.discard')}
                </Button>
              </Popconfirm>
            </Space>
          </Card>
        ))
      )}
    </>
  );
}
