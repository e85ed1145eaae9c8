import { useState } from 'react';
import { Alert, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { restructurePlan, type RestructurePlan } from '@caunoi/domain';
import { formatNumber } from '../../format/number';
import { useI18n } from '../../i18n/i18n-context';

type Loaded = { name: string; problems: string[] } | null;

/** Schema problems as "operations.2.into: …": where in the file, never the file's content. */
export function schemaProblems(value: unknown): { plan: RestructurePlan } | { problems: string[] } {
  const parsed = restructurePlan.safeParse(value);
  if (parsed.success) return { plan: parsed.data };
  return {
    problems: parsed.error.issues.slice(0, 20).map((i) => `${i.path.join('.') || '—'}: ${i.message}`),
  };
}

/** Reads a JSON plan in the browser and checks it with the domain's schema before anything is sent. */
export function PlanFileInput({ onPlan }: { onPlan: (plan: RestructurePlan | null) => void }) {
  const { t } = useI18n();
  const [loaded, setLoaded] = useState<Loaded>(null);
  const [count, setCount] = useState(0);

  const read = async (file: File) => {
    let value: unknown;
    try {
      value = JSON.parse(await file.text());
    } catch {
      setLoaded({ name: file.name, problems: [t('restructure.fileNotJson', { name: file.name })] });
      onPlan(null);
      return;
    }
    const checked = schemaProblems(value);
    if ('problems' in checked) {
      setLoaded({
        name: file.name,
        problems: [t('restructure.fileInvalid', { name: file.name }), ...checked.problems],
      });
      onPlan(null);
      return;
    }
    setLoaded({ name: file.name, problems: [] });
    setCount(checked.plan.operations.length);
    onPlan(checked.plan);
  };

  return (
    <>
      <Upload.Dragger
        accept=".json,application/json"
        multiple={false}
        showUploadList={false}
        beforeUpload={(file) => {
          void read(file);
          return false;
        }}
        data-testid="plan-file"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('restructure.fileDrop')}</p>
        <p className="ant-upload-hint">{t('restructure.fileHint')}</p>
      </Upload.Dragger>
      {loaded && loaded.problems.length > 0 ? (
        <Alert
          type="error"
          showIcon
          className="section"
          data-testid="plan-file-error"
          title={loaded.problems[0]}
          description={
            <ul>
              {loaded.problems.slice(1).map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          }
        />
      ) : loaded ? (
        <Alert
          type="info"
          showIcon
          className="section"
          title={t('restructure.fileLoaded', { name: loaded.name, count: formatNumber(count) })}
        />
      ) : null}
    </>
  );
}
