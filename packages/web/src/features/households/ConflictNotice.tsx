import { Alert, Button, List, Space } from 'antd';
import {
  changeSourceLabels,
  describeBookField,
  describeBookValue,
  peopleNames,
  type HouseholdConflictDetails,
} from '@caunoi/domain';
import { formatInstantDate } from '../../format/date';
import { useI18n } from '../../i18n/i18n-context';

/**
 * What the other person changed while this user was editing, field by field,
 * with the two ways on: keep what this user typed and save it on the new
 * version, or drop it and take the new version.
 */
export function ConflictNotice({
  conflict,
  onReapply,
  onDiscard,
  busy,
}: {
  conflict: HouseholdConflictDetails;
  onReapply: () => void;
  onDiscard: () => void;
  busy: boolean;
}) {
  const { t, label, language } = useI18n();
  const names = peopleNames(conflict.current);
  const texts = new Map(conflict.current.commitments.map((c) => [c.itemId, c.text]));
  return (
    <Alert
      type="warning"
      showIcon
      className="section"
      data-testid="book-conflict"
      title={t('book.conflictTitle')}
      description={
        <>
          <p>{t('book.conflictText')}</p>
          <List
            size="small"
            dataSource={conflict.changes}
            data-testid="book-conflict-changes"
            renderItem={(c) => (
              <List.Item>
                <div>
                  <strong>{describeBookField(c.field, language, names, texts)}</strong>:{' '}
                  <span className="muted">{describeBookValue(c.field, c.oldValue, language)}</span> →{' '}
                  <strong>{describeBookValue(c.field, c.newValue, language)}</strong>
                  <div className="muted">
                    {c.actorName ?? t('book.system')} · {label(changeSourceLabels[c.source])} ·{' '}
                    {formatInstantDate(c.changedAt)}
                  </div>
                </div>
              </List.Item>
            )}
          />
          <Space wrap className="section">
            <Button type="primary" onClick={onReapply} loading={busy} data-testid="book-conflict-reapply">
              {t('book.conflictReapply')}
            </Button>
            <Button onClick={onDiscard} disabled={busy} data-testid="book-conflict-discard">
              {t('book.conflictDiscard')}
            </Button>
          </Space>
        </>
      }
    />
  );
}
