import { Button, Card, Form, Input, Radio, Select, type FormInstance } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { unitKinds, unitKindLabels } from '@caunoi/domain';
import { useI18n } from '../../i18n/i18n-context';
import { draftOpNames, type OpDraft } from './plan-draft';
import { UnitCodeSelect } from './UnitCodeSelect';

type Planned = readonly { code: string; name: string }[];

/** One operation of the plan: its kind first, then only the fields that kind needs. */
export function OperationFields({
  form,
  name,
  index,
  planned,
  onRemove,
}: {
  form: FormInstance;
  name: number;
  index: number;
  planned: Planned;
  onRemove: () => void;
}) {
  const { t, label } = useI18n();
  const draft = (Form.useWatch(['operations', name], form) ?? {}) as OpDraft;
  const required = [{ required: true, message: t('restructure.required') }];
  const field = (key: keyof OpDraft) => ({ name: [name, key], rules: required });
  const unitSelect = (testId: string, multiple = false) => (
    <UnitCodeSelect planned={planned} multiple={multiple} testId={`op-${index}-${testId}`} />
  );
  const kindSelect = (
    <Select
      options={unitKinds.map((k) => ({ value: k, label: label(unitKindLabels[k]) }))}
      data-testid={`op-${index}-kind`}
    />
  );

  return (
    <Card
      size="small"
      className="section"
      title={t('restructure.operationN', { n: index + 1 })}
      extra={
        <Button
          type="text"
          icon={<DeleteOutlined />}
          onClick={onRemove}
          aria-label={t('restructure.removeOperation')}
        />
      }
      data-testid={`op-${index}`}
    >
      <Form.Item {...field('op')} label={t('restructure.opKind')}>
        <Select
          options={draftOpNames.map((op) => ({ value: op, label: t(`restructure.opName.${op}`) }))}
          data-testid={`op-${index}-op`}
        />
      </Form.Item>
      {draft.op === 'merge' ? (
        <>
          <Form.Item {...field('units')} label={t('restructure.mergeUnits')}>
            {unitSelect('units', true)}
          </Form.Item>
          <Form.Item name={[name, 'target']} label={t('restructure.mergeTarget')} initialValue="existing">
            <Radio.Group
              options={(['existing', 'new'] as const).map((v) => ({
                value: v,
                label: t(`restructure.mergeTarget.${v}`),
              }))}
            />
          </Form.Item>
          {draft.target === 'new' ? (
            <>
              <Form.Item {...field('name')} label={t('restructure.name')}>
                <Input data-testid={`op-${index}-name`} />
              </Form.Item>
              <Form.Item {...field('code')} label={t('restructure.code')}>
                <Input data-testid={`op-${index}-code`} />
              </Form.Item>
              <Form.Item {...field('kind')} label={t('restructure.kind')}>
                {kindSelect}
              </Form.Item>
              <Form.Item name={[name, 'parent']} label={t('restructure.parentOptional')}>
                {unitSelect('parent')}
              </Form.Item>
            </>
          ) : (
            <Form.Item {...field('into')} label={t('restructure.into')}>
              {unitSelect('into')}
            </Form.Item>
          )}
        </>
      ) : null}
      {draft.op === 'move' ? (
        <>
          <Form.Item {...field('unit')} label={t('restructure.unit')}>
            {unitSelect('unit')}
          </Form.Item>
          <Form.Item {...field('parent')} label={t('restructure.newParent')}>
            {unitSelect('parent')}
          </Form.Item>
        </>
      ) : null}
      {draft.op === 'rename' ? (
        <>
          <Form.Item {...field('unit')} label={t('restructure.unit')}>
            {unitSelect('unit')}
          </Form.Item>
          <Form.Item {...field('name')} label={t('restructure.newName')}>
            <Input data-testid={`op-${index}-name`} />
          </Form.Item>
          <Form.Item name={[name, 'code']} label={t('restructure.newCodeOptional')}>
            <Input data-testid={`op-${index}-code`} />
          </Form.Item>
        </>
      ) : null}
      {draft.op === 'dissolve' ? (
        <>
          <Form.Item {...field('unit')} label={t('restructure.unit')}>
            {unitSelect('unit')}
          </Form.Item>
          <Form.Item name={[name, 'childrenTo']} label={t('restructure.childrenTo')}>
            {unitSelect('children-to')}
          </Form.Item>
          <Form.Item name={[name, 'membersTo']} label={t('restructure.membersTo')}>
            {unitSelect('members-to')}
          </Form.Item>
          <Form.Item name={[name, 'householdsTo']} label={t('restructure.householdsTo')}>
            {unitSelect('households-to')}
          </Form.Item>
        </>
      ) : null}
      {draft.op === 'create' ? (
        <>
          <Form.Item {...field('name')} label={t('restructure.name')}>
            <Input data-testid={`op-${index}-name`} />
          </Form.Item>
          <Form.Item {...field('code')} label={t('restructure.code')}>
            <Input data-testid={`op-${index}-code`} />
          </Form.Item>
          <Form.Item {...field('kind')} label={t('restructure.kind')}>
            {kindSelect}
          </Form.Item>
          <Form.Item name={[name, 'parent']} label={t('restructure.parentOptional')}>
            {unitSelect('parent')}
          </Form.Item>
        </>
      ) : null}
    </Card>
  );
}
