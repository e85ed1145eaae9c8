import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Progress, Select, Space, Steps, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import {
  importKinds,
  importSheets,
  maxImportBytes,
  type ImportKind,
  type ImportReport,
} from '@caunoi/domain';
import { errorToMessage } from '../../api/error-message';
import { PageTitle } from '../../components/PageTitle';
import { formatNumber } from '../../format/number';
import { useI18n } from '../../i18n/i18n-context';
import { ImportIssues } from './ImportIssues';
import { ImportSummary } from './ImportSummary';
import { sendImport, type ImportProgress } from './import-stream';

type Stage =
  | { step: 'choose' }
  | { step: 'checking' | 'writing'; file: File; progress: ImportProgress | null }
  | { step: 'checked'; file: File; report: ImportReport }
  | { step: 'done'; report: ImportReport }
  | { step: 'failed'; file: File | null; error: unknown };

const isCsv = (file: File) => /\.csv$/i.test(file.name);

/**
 * Upload, preview, confirm: the file is checked as a dry run and every
 * problem is listed by sheet, row and column; "Xác nhận nhập" sends it again
 * for real, with a progress bar while the server checks and writes.
 */
export default function ImportPage() {
  const { t, label, language } = useI18n();
  const [stage, setStage] = useState<Stage>({ step: 'choose' });
  const [csvKind, setCsvKind] = useState<ImportKind>('households');
  const [confirmed, setConfirmed] = useState(false);

  const run = async (file: File, dryRun: boolean) => {
    setStage({ step: dryRun ? 'checking' : 'writing', file, progress: null });
    try {
      const report = await sendImport(
        { file, dryRun, sheet: isCsv(file) ? csvKind : undefined, confirmDuplicates: confirmed },
        (progress) => setStage({ step: dryRun ? 'checking' : 'writing', file, progress }),
      );
      setStage(report.applied ? { step: 'done', report } : { step: 'checked', file, report });
    } catch (error) {
      setStage({ step: 'failed', file, error });
    }
  };

  const choose = (file: File) => {
    setConfirmed(false);
    if (file.size > maxImportBytes) {
      setStage({ step: 'failed', file: null, error: new Error(t('import.tooLarge')) });
      return;
    }
    void run(file, true);
  };

  const current = stage.step === 'choose' || stage.step === 'failed' ? 0 : stage.step === 'done' ? 2 : 1;
  const busy = stage.step === 'checking' || stage.step === 'writing';

  return (
    <>
      <PageTitle
        title={t('import.title')}
        sub={t('import.subtitle')}
        extra={
          <a href="/api/v1/import/template.xlsx" download data-testid="import-template">
            <Button icon={<DownloadOutlined />}>{t('import.template')}</Button>
          </a>
        }
      />
      <Steps
        className="section"
        current={current}
        items={[
          { title: t('import.step.choose') },
          { title: t('import.step.check') },
          { title: t('import.step.apply') },
        ]}
      />
      <Card className="section">
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Upload.Dragger
            accept=".xlsx,.csv"
            multiple={false}
            showUploadList={false}
            disabled={busy}
            beforeUpload={(file) => {
              choose(file);
              return false;
            }}
            data-testid="import-file"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('import.drop')}</p>
            <p className="ant-upload-hint">{t('import.dropHint')}</p>
          </Upload.Dragger>
          <Space wrap>
            <span className="muted">{t('import.csvKind')}:</span>
            <Select<ImportKind>
              value={csvKind}
              onChange={setCsvKind}
              style={{ minWidth: 200 }}
              options={importKinds.map((kind) => ({ value: kind, label: label(importSheets[kind]) }))}
            />
            <span className="muted">{t('import.templateHint')}</span>
          </Space>
        </Space>
      </Card>

      {busy ? <ImportProgressBar stage={stage} /> : null}

      {stage.step === 'failed' ? (
        <Alert
          type="error"
          showIcon
          className="section"
          data-testid="import-error"
          title={t('import.failed')}
          description={
            stage.error instanceof Error && stage.error.name === 'Error'
              ? stage.error.message
              : errorToMessage(stage.error, language)
          }
        />
      ) : null}

      {stage.step === 'checked' ? (
        <Checked
          report={stage.report}
          confirmed={confirmed}
          onConfirmedChange={setConfirmed}
          onApply={() => void run(stage.file, false)}
        />
      ) : null}

      {stage.step === 'done' ? <Done report={stage.report} /> : null}
    </>
  );
}

function ImportProgressBar({ stage }: { stage: Extract<Stage, { step: 'checking' | 'writing' }> }) {
  const { t } = useI18n();
  const progress = stage.progress;
  const percent = progress && progress.total > 0 ? Math.floor((100 * progress.done) / progress.total) : 0;
  return (
    <Card className="section" data-testid="import-progress">
      <p>
        {stage.step === 'checking' ? t('import.checking', { name: stage.file.name }) : t('import.writing')}
      </p>
      <Progress percent={percent} status="active" />
      <p className="muted">
        {progress
          ? t('import.progress', {
              phase: t(`import.phase.${progress.phase}`),
              done: formatNumber(progress.done),
              total: formatNumber(progress.total),
            })
          : t('import.uploading')}
      </p>
    </Card>
  );
}

function Checked(props: {
  report: ImportReport;
  confirmed: boolean;
  onConfirmedChange(value: boolean): void;
  onApply(): void;
}) {
  const { t } = useI18n();
  const { report } = props;
  const nothingNew = report.sheets.every((s) => s.created + s.updated === 0);
  const blocked = report.errorCount > 0 || (report.warningCount > 0 && !props.confirmed) || nothingNew;
  return (
    <Card className="section" data-testid="import-report">
      {report.errorCount > 0 ? (
        <Alert
          type="error"
          showIcon
          title={t('import.hasErrors', { count: formatNumber(report.errorCount) })}
        />
      ) : report.warningCount > 0 ? (
        <Alert
          type="warning"
          showIcon
          title={t('import.hasWarnings', { count: formatNumber(report.warningCount) })}
          description={
            <Checkbox checked={props.confirmed} onChange={(e) => props.onConfirmedChange(e.target.checked)}>
              {t('import.confirmDuplicates')}
            </Checkbox>
          }
        />
      ) : (
        <Alert type="success" showIcon title={nothingNew ? t('import.nothingNew') : t('import.valid')} />
      )}
      <ImportSummary report={report} />
      {report.issues.length > 0 ? (
        <ImportIssues issues={report.issues} omitted={report.omittedIssues} />
      ) : null}
      <Button type="primary" disabled={blocked} onClick={props.onApply} data-testid="import-confirm">
        {t('import.confirm')}
      </Button>
    </Card>
  );
}

function Done({ report }: { report: ImportReport }) {
  const { t } = useI18n();
  const sum = (key: 'created' | 'updated') => report.sheets.reduce((n, s) => n + s[key], 0);
  return (
    <Card className="section" data-testid="import-done">
      <Alert
        type="success"
        showIcon
        title={t('import.done', {
          created: formatNumber(sum('created')),
          updated: formatNumber(sum('updated')),
        })}
      />
      <ImportSummary report={report} />
      <Link to="/households">
        <Button type="primary">{t('import.viewHouseholds')}</Button>
      </Link>
    </Card>
  );
}
