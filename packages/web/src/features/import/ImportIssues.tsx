import { Table, Tag } from 'antd';
import { columnLabel, importIssueMessage, type ImportIssueOut } from '@caunoi/domain';
import { formatNumber } from '../../format/number';
import { useI18n } from '../../i18n/i18n-context';

const severityColor = { error: 'red', warning: 'gold', notice: 'default' } as const;

/** Every problem of the file, by sheet, row and column, in the UI's language. */
export function ImportIssues({ issues, omitted }: { issues: ImportIssueOut[]; omitted: number }) {
  const { t, language } = useI18n();
  return (
    <>
      <Table<ImportIssueOut>
        size="small"
        className="section"
        data-testid="import-issues"
        rowKey={(issue) => `${issue.sheet}:${issue.row}:${issue.letter ?? issue.column}:${issue.code}`}
        dataSource={issues}
        pagination={issues.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        columns={[
          {
            key: 'severity',
            width: 120,
            render: (_, issue) => (
              <Tag color={severityColor[issue.severity]}>{t(`import.severity.${issue.severity}`)}</Tag>
            ),
          },
          { key: 'sheet', title: t('import.col.sheet'), render: (_, issue) => issue.sheet ?? '–' },
          {
            key: 'row',
            title: t('import.col.row'),
            width: 90,
            render: (_, issue) => (issue.row === null ? '–' : formatNumber(issue.row)),
          },
          {
            key: 'column',
            title: t('import.col.column'),
            // The template's Vietnamese name of the column, as the file's header reads.
            render: (_, issue) =>
              [issue.letter, issue.column === null ? null : columnLabel(issue.kind, issue.column, language)]
                .filter(Boolean)
                .join(' · ') || '–',
          },
          {
            key: 'problem',
            title: t('import.col.problem'),
            render: (_, issue) => (
              <span data-testid="import-issue">
                {issue.value !== undefined ? (
                  <span className="import-issue-value" data-testid="import-issue-value">
                    {t('import.typedValue', { value: issue.value })}{' '}
                  </span>
                ) : null}
                {importIssueMessage(issue.code, issue.params, language)}
              </span>
            ),
          },
        ]}
      />
      {omitted > 0 ? <p className="muted">{t('import.omitted', { count: formatNumber(omitted) })}</p> : null}
    </>
  );
}
