import { Table } from 'antd';
import { importSheets, type ImportReport } from '@caunoi/domain';
import { formatNumber } from '../../format/number';
import { useI18n } from '../../i18n/i18n-context';

type Sheet = ImportReport['sheets'][number];

/** Per sheet: rows read, and what the import creates, changes or leaves as it is. */
export function ImportSummary({ report }: { report: ImportReport }) {
  const { t, label } = useI18n();
  const number = (key: keyof Sheet) => (_: unknown, sheet: Sheet) => formatNumber(sheet[key] as number);
  return (
    <Table<Sheet>
      size="small"
      className="section"
      data-testid="import-summary"
      rowKey="kind"
      pagination={false}
      dataSource={report.sheets}
      columns={[
        {
          key: 'sheet',
          title: t('import.col.sheet'),
          render: (_, s) => `${s.sheet} (${label(importSheets[s.kind])})`,
        },
        { key: 'rows', title: t('import.col.rows'), render: number('rows') },
        { key: 'created', title: t('import.col.created'), render: number('created') },
        { key: 'updated', title: t('import.col.updated'), render: number('updated') },
        { key: 'unchanged', title: t('import.col.unchanged'), render: number('unchanged') },
        { key: 'emptyRows', title: t('import.col.emptyRows'), render: number('emptyRows') },
      ]}
    />
  );
}
