import { useState } from 'react';
import { App, Button, Card, Checkbox, DatePicker, Form, Input, InputNumber, List, Space, Tag } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { can, todayInVietnam, type Household } from '@caunoi/domain';
import { errorToMessage } from '../../api/error-message';
import { formatDate } from '../../format/date';
import { useI18n } from '../../i18n/i18n-context';
import { useCurrentUser } from '../auth/current-user';
import { commitmentPatch, commitmentValues, type CommitmentValues } from './book-form-values';
import { useCreateCommitmentItem } from './mutations';
import { useCommitmentItems } from './queries';
import { SectionEditor } from './SectionEditor';

const dateFormat = 'DD/MM/YYYY';

/** Adds an item to the commune's catalogue, for the roles that keep it. */
function AddCatalogueItem({ unitId, year }: { unitId: number; year: number }) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const create = useCreateCommitmentItem(unitId);
  return (
    <Space.Compact style={{ width: '100%' }} className="section">
      <Input
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={t('book.commitmentAdd')}
        maxLength={500}
        data-testid="commitment-item-text"
      />
      <Button
        icon={<PlusOutlined />}
        loading={create.isPending}
        disabled={text.trim().length < 3}
        onClick={() =>
          create.mutate(
            { text: text.trim(), validFromYear: year },
            {
              onSuccess: () => setText(''),
              onError: (error) => void message.error(errorToMessage(error, language)),
            },
          )
        }
        data-testid="commitment-item-add"
      >
        {t('book.add')}
      </Button>
    </Space.Compact>
  );
}

/** The household's yearly commitments: the commune's catalogue for the year, each item ticked and dated. */
export function CommitmentsCard({ household: h, canEdit }: { household: Household; canEdit: boolean }) {
  const { t } = useI18n();
  const user = useCurrentUser();
  const [year, setYear] = useState(Number(todayInVietnam().slice(0, 4)));
  const [editing, setEditing] = useState(false);
  const catalogue = useCommitmentItems(h.cellId, year);
  const items = catalogue.data?.items ?? [];
  const ticked = new Map(h.commitments.filter((c) => c.year === year).map((c) => [c.itemId, c]));
  return (
    <Card
      size="small"
      title={t('book.commitments')}
      className="section"
      extra={
        <Space>
          <InputNumber
            size="small"
            min={2000}
            max={2100}
            value={year}
            onChange={(v) => v && setYear(v)}
            aria-label={t('book.year')}
            style={{ width: 84 }}
          />
          {canEdit && items.length > 0 ? (
            <Button
              size="small"
              icon={<EditOutlined />}
              onClick={() => setEditing(true)}
              data-testid="edit-commitments"
            >
              {t('book.edit')}
            </Button>
          ) : null}
        </Space>
      }
      data-testid="book-commitments"
    >
      <List
        size="small"
        loading={catalogue.isPending}
        dataSource={items}
        locale={{ emptyText: t('book.commitmentNone') }}
        renderItem={(item) => {
          const entry = ticked.get(item.id);
          return (
            <List.Item>
              <Space align="start">
                <Checkbox checked={entry?.done ?? false} disabled aria-label={item.text} />
                <span>
                  {item.text}
                  {entry?.done && entry.doneOn ? (
                    <Tag style={{ marginInlineStart: 8 }}>{formatDate(entry.doneOn)}</Tag>
                  ) : null}
                </span>
              </Space>
            </List.Item>
          );
        }}
      />
      {can(user.role, 'commitment.write') ? <AddCatalogueItem unitId={h.cellId} year={year} /> : null}
      {editing ? (
        <SectionEditor<CommitmentValues>
          household={h}
          title={t('book.commitmentsYear', { year })}
          onClose={() => setEditing(false)}
          valuesOf={(book) => commitmentValues(book, year)}
          patchOf={(v) =>
            commitmentPatch(
              v,
              items.map((i) => i.id),
            )
          }
          testId="edit-commitments-drawer"
        >
          {() => (
            <>
              <Form.Item name="year" hidden>
                <InputNumber />
              </Form.Item>
              {items.map((item) => (
                <Card size="small" className="section" key={item.id}>
                  <Form.Item
                    name={['items', item.id, 'done']}
                    valuePropName="checked"
                    style={{ marginBottom: 8 }}
                  >
                    <Checkbox data-testid="commitment-done">{item.text}</Checkbox>
                  </Form.Item>
                  <Form.Item noStyle dependencies={[['items', item.id, 'done']]}>
                    {({ getFieldValue }) =>
                      getFieldValue(['items', item.id, 'done']) ? (
                        <Form.Item
                          name={['items', item.id, 'doneOn']}
                          label={t('changes.date')}
                          initialValue={dayjs(todayInVietnam())}
                        >
                          <DatePicker format={dateFormat} inputReadOnly />
                        </Form.Item>
                      ) : null
                    }
                  </Form.Item>
                </Card>
              ))}
            </>
          )}
        </SectionEditor>
      ) : null}
    </Card>
  );
}
