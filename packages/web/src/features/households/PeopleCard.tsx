import { useState } from 'react';
import { Button, Card, Collapse } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import type { Household } from '@caunoi/domain';
import { useI18n } from '../../i18n/i18n-context';
import { peoplePatch, peopleValues, type PersonValues } from './book-form-values';
import { PeopleFields } from './BookFormFields';
import { PeopleTable } from './PeopleTable';
import { SectionEditor } from './SectionEditor';

/** Nhân khẩu: the people living there, and those who left, kept with how and when. */
export function PeopleCard({ household: h, canEdit }: { household: Household; canEdit: boolean }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  return (
    <Card
      size="small"
      title={t('book.people')}
      className="section"
      extra={
        canEdit ? (
          <Button
            size="small"
            icon={<EditOutlined />}
            onClick={() => setEditing(true)}
            data-testid="edit-people"
          >
            {t('book.edit')}
          </Button>
        ) : null
      }
    >
      <PeopleTable people={h.people} />
      {h.formerPeople.length > 0 ? (
        <Collapse
          ghost
          size="small"
          items={[
            {
              key: 'former',
              label: `${t('book.formerPeople')} (${h.formerPeople.length})`,
              children: <PeopleTable people={h.formerPeople} former />,
            },
          ]}
        />
      ) : null}
      {editing ? (
        <SectionEditor<{ people: PersonValues[] }>
          household={h}
          title={t('book.people')}
          onClose={() => setEditing(false)}
          valuesOf={peopleValues}
          patchOf={peoplePatch}
          testId="edit-people-drawer"
        >
          {() => <PeopleFields />}
        </SectionEditor>
      ) : null}
    </Card>
  );
}
