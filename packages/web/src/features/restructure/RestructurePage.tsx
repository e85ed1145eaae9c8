import { useState } from 'react';
import { Alert, App, Button, Card, Form, Space, Tabs } from 'antd';
import { EyeOutlined, NodeIndexOutlined } from '@ant-design/icons';
import {
  planIssue,
  strandedItem,
  type PlanIssue,
  type RestructurePlan,
  type RestructureResult,
  type StrandedItem,
} from '@caunoi/domain';
import { isApiError } from '../../api/api-error';
import { errorToMessage } from '../../api/error-message';
import { PageTitle } from '../../components/PageTitle';
import { formatDate } from '../../format/date';
import { useI18n } from '../../i18n/i18n-context';
import { confirmationText } from './describe-plan';
import { PlanFileInput, schemaProblems } from './PlanFileInput';
import { draftFromForm, PlanForm, type PlanFormValues } from './PlanForm';
import { planFromDraft } from './plan-draft';
import { PlanSummary } from './PlanSummary';
import { PlanProblems, PreviewResult } from './PreviewResult';
import { useApplyPlan, usePreviewPlan } from './queries';

type Source = 'compose' | 'file';
interface Previewed {
  plan: RestructurePlan;
  result: RestructureResult;
}

/** The issues and stranded records a refusal carries, when the server sent them. */
function refusalDetails(error: unknown): { issues: PlanIssue[]; stranded: StrandedItem[] } | null {
  if (!isApiError(error) || !error.details) return null;
  const issues = planIssue.array().safeParse(error.details.issues).data ?? [];
  const stranded = strandedItem.array().safeParse(error.details.stranded).data ?? [];
  return issues.length + stranded.length > 0 ? { issues, stranded } : null;
}

/**
 * An administrator composes a restructuring plan (or loads a plan file),
 * previews it on the server (what moves, what would be stranded, the figures
 * before and after) and applies exactly the plan previewed, after confirming
 * it in words. Changing the plan makes the preview stale.
 */
export default function RestructurePage() {
  const i18n = useI18n();
  const { t, language } = i18n;
  const { modal } = App.useApp();
  const [form] = Form.useForm<PlanFormValues>();
  const [source, setSource] = useState<Source>('compose');
  const [filePlan, setFilePlan] = useState<RestructurePlan | null>(null);
  const [formProblems, setFormProblems] = useState<string[]>([]);
  const [previewed, setPreviewed] = useState<Previewed | null>(null);
  const [applied, setApplied] = useState<Previewed | null>(null);
  // The plan last sent, to word a refusal's problems by its operations.
  const [sent, setSent] = useState<RestructurePlan | null>(null);
  const preview = usePreviewPlan();
  const apply = useApplyPlan();

  const stale = () => {
    setPreviewed(null);
    setFormProblems([]);
    preview.reset();
    apply.reset();
  };

  const currentPlan = async (): Promise<RestructurePlan | null> => {
    if (source === 'file') return filePlan;
    try {
      await form.validateFields();
    } catch {
      return null;
    }
    const checked = schemaProblems(planFromDraft(draftFromForm(form.getFieldsValue(true))));
    if ('problems' in checked) {
      setFormProblems(checked.problems);
      return null;
    }
    return checked.plan;
  };

  const runPreview = async () => {
    stale();
    const plan = await currentPlan();
    if (!plan) return;
    setSent(plan);
    preview.mutate(plan, { onSuccess: (result) => setPreviewed({ plan, result }) });
  };

  const confirmApply = (p: Previewed) =>
    modal.confirm({
      title: t('restructure.confirmTitle'),
      content: (
        <div data-testid="restructure-confirm-text">
          {confirmationText(p.plan, p.result, i18n).map((line, i) => (
            <p key={i}>{line}</p>
          ))}
        </div>
      ),
      okText: t('restructure.confirmOk'),
      okButtonProps: { danger: true, 'data-testid': 'restructure-confirm-ok' },
      cancelText: t('app.cancel'),
      onOk: () =>
        apply.mutate(p.plan, {
          onSuccess: (result) => {
            setApplied({ plan: p.plan, result });
            setPreviewed(null);
          },
        }),
    });

  const reset = () => {
    stale();
    setApplied(null);
    setFilePlan(null);
    form.resetFields();
  };

  const failed = preview.error ?? apply.error;
  const failedDetails = refusalDetails(failed);
  const canApply =
    previewed !== null && previewed.result.issues.length === 0 && previewed.result.stranded.length === 0;

  if (applied) {
    return (
      <>
        <PageTitle title={t('restructure.title')} />
        <Alert
          type="success"
          showIcon
          className="section"
          data-testid="restructure-applied"
          title={t('restructure.applied', { date: formatDate(applied.plan.effectiveDate) })}
          action={<Button onClick={reset}>{t('restructure.newPlan')}</Button>}
        />
        <PreviewResult plan={applied.plan} result={applied.result} />
      </>
    );
  }

  return (
    <>
      <PageTitle title={t('restructure.title')} sub={t('restructure.subtitle')} />
      <Card className="section">
        <Tabs
          activeKey={source}
          onChange={(key) => {
            setSource(key as Source);
            stale();
          }}
          items={[
            {
              key: 'compose',
              label: t('restructure.tab.compose'),
              children: <PlanForm form={form} onChange={stale} />,
            },
            {
              key: 'file',
              label: <span data-testid="plan-tab-file">{t('restructure.tab.file')}</span>,
              children: (
                <>
                  <PlanFileInput
                    onPlan={(plan) => {
                      stale();
                      setFilePlan(plan);
                    }}
                  />
                  {filePlan ? <PlanSummary plan={filePlan} /> : null}
                </>
              ),
            },
          ]}
        />
        {formProblems.length > 0 ? (
          <Alert
            type="error"
            showIcon
            className="section"
            title={t('restructure.planInvalid')}
            description={
              <ul>
                {formProblems.map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
              </ul>
            }
          />
        ) : null}
        <Space wrap className="section">
          <Button
            icon={<EyeOutlined />}
            onClick={() => void runPreview()}
            loading={preview.isPending}
            disabled={source === 'file' && !filePlan}
            data-testid="restructure-preview-button"
          >
            {t('restructure.preview')}
          </Button>
          <Button
            type="primary"
            danger
            icon={<NodeIndexOutlined />}
            disabled={!canApply}
            loading={apply.isPending}
            onClick={() => previewed && confirmApply(previewed)}
            data-testid="restructure-apply-button"
          >
            {t('restructure.apply')}
          </Button>
        </Space>
      </Card>
      {failed ? (
        <Alert
          type="error"
          showIcon
          className="section"
          data-testid="restructure-error"
          title={errorToMessage(failed, language)}
        />
      ) : null}
      {failedDetails && sent ? (
        <PlanProblems plan={sent} issues={failedDetails.issues} stranded={failedDetails.stranded} />
      ) : null}
      {previewed ? <PreviewResult plan={previewed.plan} result={previewed.result} /> : null}
    </>
  );
}
