import { useState } from 'react';
import { Alert, App, Button, Card, Col, Form, InputNumber, List, Modal, Row, Tag } from 'antd';
import { Link } from 'react-router';
import { can, povertyStatusLabels, type AssignmentAlerts } from '@caunoi/domain';
import { errorToMessage } from '../../api/error-message';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { useI18n } from '../../i18n/i18n-context';
import { useCurrentUser } from '../auth/current-user';
import { useAssignmentAlerts, useAssignmentSettings, useUpdateAssignmentSettings } from './coverage-queries';
import { formatCount } from './format';

/** Today's gaps under the unit, and the commune's norm they are measured against. */
export function AssignmentAlertsCard({ unitId }: { unitId: number }) {
  const { t } = useI18n();
  const alerts = useAssignmentAlerts(unitId);
  return (
    <Card size="small" className="section" title={t('alerts.title')} data-testid="assignment-alerts">
      <NormLine unitId={unitId} />
      {alerts.isPending ? (
        <LoadingState />
      ) : alerts.isError ? (
        <ErrorState error={alerts.error} onRetry={() => void alerts.refetch()} />
      ) : (
        <AlertLists alerts={alerts.data} />
      )}
    </Card>
  );
}

function AlertLists({ alerts }: { alerts: AssignmentAlerts }) {
  const { t, label } = useI18n();
  const { unassigned, aboveMax, belowMin } = alerts;
  if (unassigned.total + aboveMax.total + belowMin.total === 0) {
    return <p className="muted">{t('alerts.none')}</p>;
  }
  const more = (total: number, shown: number) =>
    total > shown ? <p className="muted">{t('alerts.more', { count: formatCount(total - shown) })}</p> : null;
  const members = (list: AssignmentAlerts['aboveMax'], testId: string) => (
    <>
      <List
        size="small"
        dataSource={list.items}
        data-testid={testId}
        renderItem={(m) => (
          <List.Item>
            <Link to={`/members/${m.memberId}`}>{m.fullName}</Link>
            <span className="muted">
              {m.cellName} ·{' '}
              {t('alerts.load', { count: formatCount(m.households), bound: formatCount(m.bound) })}
            </span>
          </List.Item>
        )}
      />
      {more(list.total, list.items.length)}
    </>
  );
  return (
    <Row gutter={[16, 8]}>
      {unassigned.total > 0 ? (
        <Col xs={24} lg={8}>
          <h4>{t('alerts.unassigned', { count: formatCount(unassigned.total) })}</h4>
          <List
            size="small"
            dataSource={unassigned.items}
            data-testid="alerts-unassigned"
            renderItem={(h) => (
              <List.Item>
                <Link to={`/households/${h.householdId}`}>
                  {h.headName} <span className="muted">({h.code})</span>
                </Link>
                {h.povertyStatus === 'poor' || h.povertyStatus === 'near_poor' ? (
                  <Tag color="volcano">{label(povertyStatusLabels[h.povertyStatus])}</Tag>
                ) : null}
              </List.Item>
            )}
          />
          {more(unassigned.total, unassigned.items.length)}
        </Col>
      ) : null}
      {aboveMax.total > 0 ? (
        <Col xs={24} lg={8}>
          <h4>{t('alerts.aboveMax', { count: formatCount(aboveMax.total) })}</h4>
          {members(aboveMax, 'alerts-above-max')}
        </Col>
      ) : null}
      {belowMin.total > 0 ? (
        <Col xs={24} lg={8}>
          <h4>{t('alerts.belowMin', { count: formatCount(belowMin.total) })}</h4>
          {members(belowMin, 'alerts-below-min')}
        </Col>
      ) : null}
    </Row>
  );
}

/** The norm of the unit's commune; above the commune level each commune has its own, so none is shown. */
function NormLine({ unitId }: { unitId: number }) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const settings = useAssignmentSettings(unitId);
  const update = useUpdateAssignmentSettings(unitId);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ minPerMember: number; maxPerMember: number }>();
  if (!settings.data) return null;
  const s = settings.data;
  // Only an account whose scope holds the whole commune sets its norm.
  const mayEdit = can(user.role, 'assignment.write') && user.role !== 'cell_secretary';
  return (
    <p data-testid="assignment-norm">
      {t('alerts.norm', { unit: s.unitName, min: s.minPerMember, max: s.maxPerMember })}{' '}
      {s.custom ? null : <span className="muted">{t('alerts.normDefault')}</span>}{' '}
      {mayEdit ? (
        <Button size="small" type="link" onClick={() => setOpen(true)} data-testid="edit-norm">
          {t('settings.edit')}
        </Button>
      ) : null}
      <Modal
        open={open}
        title={t('settings.title')}
        onCancel={() => {
          update.reset();
          setOpen(false);
        }}
        okText={t('settings.save')}
        cancelText={t('app.cancel')}
        confirmLoading={update.isPending}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        {update.error ? (
          <Alert type="error" showIcon className="section" title={errorToMessage(update.error, language)} />
        ) : null}
        <Form
          form={form}
          layout="inline"
          initialValues={{ minPerMember: s.minPerMember, maxPerMember: s.maxPerMember }}
          onFinish={(values) =>
            update.mutate(values, {
              onSuccess: () => {
                void message.success(t('settings.saved'));
                setOpen(false);
              },
            })
          }
        >
          <Form.Item name="minPerMember" label={t('settings.min')} rules={[{ required: true }]}>
            <InputNumber min={0} max={500} />
          </Form.Item>
          <Form.Item name="maxPerMember" label={t('settings.max')} rules={[{ required: true }]}>
            <InputNumber min={1} max={500} />
          </Form.Item>
        </Form>
      </Modal>
    </p>
  );
}
