import { useState } from 'react';
import { Button, Card, Table } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { culturalTitleLabels, povertyStatusLabels, type Household, type PovertyStatus } from '@caunoi/domain';
import { useI18n } from '../../i18n/i18n-context';
import { yearlyPatch, yearlyValues, type YearlyValues } from './book-form-values';
import { YearlyFields } from './BookFormFields';
import { SectionEditor } from './SectionEditor';

interface YearRow {
  year: number;
  poverty: string | null;
  title: Household['culturalTitles'][number]['title'] | null;
}

/** Poverty status as recognised each year, and the cultural-family title of each year. */
export function YearlyRecordsCard({ household: h, canEdit }: { household: Household; canEdit: boolean }) {
  const { t, label } = useI18n();
  const [editing, setEditing] = useState(false);
  const years = [...new Set([...h.povertyByYear.map((p) => p.year), ...h.culturalTitles.map((c) => c.year)])]
    .sort((a, b) => b - a)
    .map<YearRow>((year) => ({
      year,
      poverty: h.povertyByYear.find((p) => p.year === year)?.status ?? null,
      title: h.culturalTitles.find((c) => c.year === year)?.title ?? null,
    }));
  return (
    <Card
      size="small"
      title={t('book.yearly')}
      className="section"
      extra={
        canEdit ? (
          <Button
            size="small"
            icon={<EditOutlined />}
            onClick={() => setEditing(true)}
            data-testid="edit-yearly"
          >
            {t('book.edit')}
          </Button>
        ) : null
      }
    >
      <Table<YearRow>
        rowKey="year"
        size="small"
        pagination={false}
        dataSource={years}
        data-testid="book-yearly"
        columns={[
          { title: t('book.year'), dataIndex: 'year', width: 80 },
          {
            title: t('book.povertyStatus'),
            dataIndex: 'poverty',
            render: (s: string | null) =>
              s ? label(povertyStatusLabels[s as PovertyStatus] ?? { vi: s, en: s }) : '',
          },
          {
            title: t('book.culturalTitle'),
            dataIndex: 'title',
            render: (title: YearRow['title']) => (title ? label(culturalTitleLabels[title]) : ''),
          },
        ]}
      />
      {editing ? (
        <SectionEditor<YearlyValues>
          household={h}
          title={t('book.yearly')}
          onClose={() => setEditing(false)}
          valuesOf={yearlyValues}
          patchOf={(v) => yearlyPatch(v)}
          testId="edit-yearly-drawer"
        >
          {(_form, book) => <YearlyFields savedTitles={book.culturalTitles.length} />}
        </SectionEditor>
      ) : null}
    </Card>
  );
}
