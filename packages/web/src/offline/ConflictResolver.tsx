import { useState } from 'react';
import { Button, Radio, Table } from 'antd';
import { describeBookField, describeBookValue, type HouseholdConflictDetails } from '@caunoi/domain';
import { formatInstantDate } from '../format/date';
import { useI18n } from '../i18n/i18n-context';
import type { QueuedWrite } from './outbox-store';

/** The fields an edit sends besides its own bookkeeping. */
export function editedFields(write: QueuedWrite): string[] {
  return Object.keys(write.body).filter((key) => key !== 'version' && key !== 'writeId');
}

/**
 * A household edit kept offline that met another person's change: for each
 * field, this member's value beside the server's, with who changed it and
 * when, and a choice. Nothing is overwritten until the member has chosen.
 */
export function ConflictResolver({
  write,
  busy,
  onResolve,
}: {
  write: QueuedWrite;
  busy: boolean;
  /** The fields whose value the member keeps (the others take the server's), sent on the server's version. */
  onResolve: (keep: string[], onVersion: number) => void;
}) {
  const { t, language } = useI18n();
  const details = write.error?.details as HouseholdConflictDetails | undefined;
  const fields = editedFields(write);
  const [keep, setKeep] = useState<Record<string, 'mine' | 'theirs'>>(() =>
    Object.fromEntries(fields.map((f) => [f, 'mine'])),
  );
  if (!details?.current) return null;
  const current = details.current as unknown as Record<string, unknown>;
  const lastChange = (field: string) =>
    [...details.changes].reverse().find((c) => c.field === field || c.field.startsWith(`${field}.`));
  const rows = fields.map((field) => ({ field, change: lastChange(field) }));

  return (
    <div data-testid="outbox-conflict">
      <p>{t('outbox.conflictIntro')}</p>
      <Table
        size="small"
        pagination={false}
        rowKey="field"
        dataSource={rows}
        scroll={{ x: true }}
        columns={[
          { title: t('outbox.field'), render: (_, r) => describeBookField(r.field, language) },
          {
            title: t('outbox.mine'),
            render: (_, r) => (
              <Radio
                checked={keep[r.field] === 'mine'}
                onChange={() => setKeep({ ...keep, [r.field]: 'mine' })}
                data-testid={`conflict-mine-${r.field}`}
              >
                {describeBookValue(r.field, write.body[r.field], language)}
              </Radio>
            ),
          },
          {
            title: t('outbox.theirs'),
            render: (_, r) => (
              <Radio
                checked={keep[r.field] === 'theirs'}
                onChange={() => setKeep({ ...keep, [r.field]: 'theirs' })}
                data-testid={`conflict-theirs-${r.field}`}
              >
                <span data-testid={`conflict-theirs-value-${r.field}`}>
                  {describeBookValue(r.field, current[r.field], language)}
                </span>
                {r.change ? (
                  <div className="muted">
                    {t('outbox.changedBy', {
                      who: r.change.actorName ?? '—',
                      time: formatInstantDate(r.change.changedAt),
                    })}
                  </div>
                ) : null}
              </Radio>
            ),
          },
        ]}
      />
      <Button
        type="primary"
        className="section"
        loading={busy}
        onClick={() =>
          onResolve(
            fields.filter((f) => keep[f] === 'mine'),
            Number(current.version),
          )
        }
        data-testid="outbox-resolve"
      >
        {t('outbox.resolve')}
      </Button>
    </div>
  );
}
