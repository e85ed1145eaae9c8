import { useState } from 'react';
import { Button, Card, List, Tag } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { awayScopeLabels, peopleNames, type Household } from '@caunoi/domain';
import { formatDate } from '../../format/date';
import { useI18n } from '../../i18n/i18n-context';
import { awayPatch, awayValues, type AwayValues } from './book-form-values';
import { AwayFields } from './BookFormFields';
import { SectionEditor } from './SectionEditor';

/** Lao động đi làm ăn xa: who, where, since when; those who came back stay listed. */
export function WorkingAwayCard({ household: h, canEdit }: { household: Household; canEdit: boolean }) {
  const { t, label } = useI18n();
  const [editing, setEditing] = useState(false);
  const names = peopleNames(h);
  const entries = [...h.workingAway].sort(
    (a, b) => Number(a.returnedOn !== null) - Number(b.returnedOn !== null),
  );
  return (
    <Card
      size="small"
      title={t('book.away')}
      className="section"
      extra={
        canEdit ? (
          <Button
            size="small"
            icon={<EditOutlined />}
            onClick={() => setEditing(true)}
            data-testid="edit-away"
          >
            {t('book.edit')}
          </Button>
        ) : null
      }
      data-testid="book-away"
    >
      <List
        size="small"
        dataSource={entries}
        locale={{ emptyText: t('book.none') }}
        renderItem={(a) => (
          <List.Item>
            <div>
              <div>
                <strong>{names.get(a.personId) ?? ''}</strong> — {a.destination}{' '}
                <Tag>{label(awayScopeLabels[a.scope])}</Tag>
                {a.returnedOn ? (
                  <Tag>{t('book.awayReturned', { date: formatDate(a.returnedOn) })}</Tag>
                ) : (
                  <Tag color="blue">{t('book.awayCurrent')}</Tag>
                )}
              </div>
              <div className="muted" style={{ fontSize: 12 }}>
                {[a.work, a.address, a.since ? t('book.awaySince', { date: formatDate(a.since) }) : null]
                  .filter(Boolean)
                  .join(' · ')}
              </div>
            </div>
          </List.Item>
        )}
      />
      {editing ? (
        <SectionEditor<{ workingAway: AwayValues[] }>
          household={h}
          title={t('book.away')}
          onClose={() => setEditing(false)}
          valuesOf={awayValues}
          patchOf={awayPatch}
          testId="edit-away-drawer"
        >
          {(_form, book) => <AwayFields book={book} />}
        </SectionEditor>
      ) : null}
    </Card>
  );
}
