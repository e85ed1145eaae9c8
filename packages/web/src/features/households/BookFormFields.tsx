import {
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Switch,
} from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  awayFieldLabels,
  awayScopeLabels,
  bookFieldLabels,
  culturalTitleLabels,
  disabilityLabels,
  infoDeviceLabels,
  latrineTypeLabels,
  personFieldLabels,
  personStatusLabels,
  policyFamilyTypeLabels,
  povertyStatusLabels,
  relationLabels,
  schoolingLevelLabels,
  sexLabels,
  tenureLabels,
  todayInVietnam,
  vulnerableFlagLabels,
  waterSourceLabels,
  workingCapacityLabels,
  type Household,
} from '@caunoi/domain';
import { useI18n } from '../../i18n/i18n-context';

/*
 * The fields of each section's edit form, with the words of the book
 * (bookFieldLabels in the domain, Vietnamese and English).
 */

type Labels = Record<string, { vi: string; en: string }>;
const dateFormat = 'DD/MM/YYYY';
const moneyFormatter = (value: number | string | undefined) =>
  value === undefined || value === '' ? '' : String(value).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
const moneyParser = (value: string | undefined) => Number((value ?? '').replace(/\D/g, '')) as unknown as 0;

function useOptions() {
  const { label } = useI18n();
  return (labels: Labels) => Object.entries(labels).map(([value, l]) => ({ value, label: label(l) }));
}

function useFieldLabel() {
  const { label } = useI18n();
  return (key: string) => label(bookFieldLabels[key] ?? personFieldLabels[key] ?? { vi: key, en: key });
}

/** Có / Không / not recorded. */
function TriStateSelect(props: { id?: string; value?: string; onChange?: (v: string | undefined) => void }) {
  const { t } = useI18n();
  return (
    <Select
      {...props}
      allowClear
      placeholder={t('book.notRecorded')}
      options={[
        { value: 'yes', label: t('book.yes') },
        { value: 'no', label: t('book.no') },
      ]}
    />
  );
}

export function GeneralFields() {
  const { t, label } = useI18n();
  const options = useOptions();
  const l = useFieldLabel();
  const required = [{ required: true, whitespace: true, message: t('book.required') }];
  return (
    <>
      <Form.Item name="headName" label={l('headName')} rules={required}>
        <Input maxLength={120} />
      </Form.Item>
      <Form.Item name="address" label={l('address')} rules={required}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item
        name="phone"
        label={l('phone')}
        rules={[{ pattern: /^\+?[0-9 .-]{8,15}$/, message: l('phone') }]}
      >
        <Input inputMode="tel" maxLength={15} />
      </Form.Item>
      <Form.Item name="monthlyIncome" label={l('monthlyIncome')}>
        <InputNumber<number>
          min={0}
          max={100_000_000_000}
          step={100_000}
          style={{ width: '100%' }}
          formatter={moneyFormatter}
          parser={moneyParser}
          inputMode="numeric"
          data-testid="field-monthlyIncome"
        />
      </Form.Item>
      <Form.Item name="needsHelp" label={l('needsHelp')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item noStyle dependencies={['needsHelp']}>
        {({ getFieldValue }) =>
          getFieldValue('needsHelp') ? (
            <Form.Item name="needsHelpReason" label={l('needsHelpReason')}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          ) : null
        }
      </Form.Item>
      <Form.Item name="policyFamily" label={l('policyFamily')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item noStyle dependencies={['policyFamily']}>
        {({ getFieldValue }) =>
          getFieldValue('policyFamily') ? (
            <Form.Item name="policyFamilyType" label={l('policyFamilyType')}>
              <Select
                allowClear
                options={options(policyFamilyTypeLabels)}
                placeholder={t('book.notRecorded')}
              />
            </Form.Item>
          ) : null
        }
      </Form.Item>
      <Form.Item name="vulnerable" label={t('book.vulnerable')}>
        <Checkbox.Group
          options={Object.entries(vulnerableFlagLabels).map(([value, v]) => ({ value, label: label(v) }))}
        />
      </Form.Item>
    </>
  );
}

export function LivingFields() {
  const { t } = useI18n();
  const options = useOptions();
  const l = useFieldLabel();
  const select = (labels: Labels) => (
    <Select allowClear options={options(labels)} placeholder={t('book.notRecorded')} />
  );
  return (
    <>
      <Card size="small" title={t('book.housing')} className="section">
        <Row gutter={12}>
          {(['wallDurable', 'columnDurable', 'roofDurable'] as const).map((key) => (
            <Col xs={24} sm={8} key={key}>
              <Form.Item name={key} label={l(key)}>
                <TriStateSelect />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Form.Item name="floorAreaM2" label={l('floorAreaM2')}>
          <InputNumber min={0} max={10_000_000} style={{ width: '100%' }} inputMode="decimal" />
        </Form.Item>
        <Form.Item name="tenure" label={l('tenure')}>
          {select(tenureLabels)}
        </Form.Item>
      </Card>
      <Form.Item name="waterSource" label={l('waterSource')}>
        {select(waterSourceLabels)}
      </Form.Item>
      <Form.Item name="latrineType" label={l('latrineType')}>
        {select(latrineTypeLabels)}
      </Form.Item>
      <Form.Item name="internetUse" label={l('internetUse')}>
        <TriStateSelect />
      </Form.Item>
      <Form.Item name="infoDevices" label={l('infoDevices')}>
        <Checkbox.Group options={options(infoDeviceLabels)} />
      </Form.Item>
      <Card size="small" title={t('book.production')} className="section">
        {(['crops', 'livestock', 'trade', 'wageWork'] as const).map((key) => (
          <Form.Item name={key} label={l(key)} key={key}>
            <Input maxLength={300} />
          </Form.Item>
        ))}
        <Form.Item name="landAreaM2" label={l('landAreaM2')}>
          <InputNumber min={0} max={10_000_000} style={{ width: '100%' }} inputMode="decimal" />
        </Form.Item>
      </Card>
    </>
  );
}

export function PeopleFields() {
  const { t } = useI18n();
  const options = useOptions();
  const l = useFieldLabel();
  const currentYear = Number(todayInVietnam().slice(0, 4));
  return (
    <Form.List name="people">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, index) => (
            <Card
              key={field.key}
              size="small"
              className="section"
              title={`${index + 1}.`}
              extra={
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('book.remove')}
                  onClick={() => remove(field.name)}
                />
              }
              data-testid="person-card"
            >
              <Form.Item name={[field.name, 'id']} hidden>
                <Input />
              </Form.Item>
              <Form.Item
                name={[field.name, 'fullName']}
                label={l('fullName')}
                rules={[{ required: true, whitespace: true, min: 2, message: t('book.required') }]}
              >
                <Input maxLength={120} />
              </Form.Item>
              <Row gutter={12}>
                <Col xs={12} sm={8}>
                  <Form.Item
                    name={[field.name, 'relation']}
                    label={l('relation')}
                    rules={[{ required: true }]}
                  >
                    <Select options={options(relationLabels)} />
                  </Form.Item>
                </Col>
                <Col xs={12} sm={8}>
                  <Form.Item name={[field.name, 'birthYear']} label={l('birthYear')}>
                    <InputNumber
                      min={1900}
                      max={currentYear + 1}
                      style={{ width: '100%' }}
                      inputMode="numeric"
                    />
                  </Form.Item>
                </Col>
                <Col xs={12} sm={8}>
                  <Form.Item name={[field.name, 'sex']} label={l('sex')}>
                    <Select allowClear options={options(sexLabels)} />
                  </Form.Item>
                </Col>
                <Col xs={12} sm={8}>
                  <Form.Item name={[field.name, 'ethnicity']} label={l('ethnicity')}>
                    <Input maxLength={40} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={16}>
                  <Form.Item name={[field.name, 'occupation']} label={l('occupation')}>
                    <Input maxLength={120} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name={[field.name, 'schoolingLevel']} label={l('schoolingLevel')}>
                    <Select allowClear options={options(schoolingLevelLabels)} />
                  </Form.Item>
                </Col>
                <Col xs={12} sm={6}>
                  <Form.Item name={[field.name, 'inSchool']} label={l('inSchool')}>
                    <TriStateSelect />
                  </Form.Item>
                </Col>
                <Col xs={12} sm={6}>
                  <Form.Item name={[field.name, 'healthInsurance']} label={l('healthInsurance')}>
                    <TriStateSelect />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name={[field.name, 'disability']} label={l('disability')}>
                    <Select allowClear options={options(disabilityLabels)} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name={[field.name, 'workingCapacity']} label={l('workingCapacity')}>
                    <Select allowClear options={options(workingCapacityLabels)} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item noStyle dependencies={[['people', field.name, 'id']]}>
                {({ getFieldValue }) =>
                  getFieldValue(['people', field.name, 'id']) ? (
                    <Form.Item name={[field.name, 'status']} label={t('book.personStatus')}>
                      <Select options={options(personStatusLabels)} data-testid="person-status" />
                    </Form.Item>
                  ) : null
                }
              </Form.Item>
            </Card>
          ))}
          <Button
            block
            icon={<PlusOutlined />}
            onClick={() => add({ relation: 'other', status: 'active' })}
            data-testid="person-add"
          >
            {t('book.add')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

export function AwayFields({ book }: { book: Household }) {
  const { t, label } = useI18n();
  const a = (key: string) => label(awayFieldLabels[key]!);
  const options = useOptions();
  const people = [...book.people, ...book.formerPeople].map((p) => ({ value: p.id, label: p.fullName }));
  const required = [{ required: true, whitespace: true, message: t('book.required') }];
  return (
    <Form.List name="workingAway">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field) => (
            <Card
              key={field.key}
              size="small"
              className="section"
              extra={
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('book.remove')}
                  onClick={() => remove(field.name)}
                />
              }
            >
              <Form.Item name={[field.name, 'id']} hidden>
                <Input />
              </Form.Item>
              <Form.Item name={[field.name, 'personId']} label={a('personId')} rules={[{ required: true }]}>
                <Select options={people} />
              </Form.Item>
              <Form.Item name={[field.name, 'destination']} label={a('destination')} rules={required}>
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item name={[field.name, 'scope']} label={a('scope')} rules={[{ required: true }]}>
                <Radio.Group optionType="button" options={options(awayScopeLabels)} />
              </Form.Item>
              <Form.Item name={[field.name, 'address']} label={a('address')}>
                <Input maxLength={300} />
              </Form.Item>
              <Row gutter={12}>
                <Col xs={12}>
                  <Form.Item name={[field.name, 'since']} label={a('since')}>
                    <DatePicker format={dateFormat} inputReadOnly style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={12}>
                  <Form.Item name={[field.name, 'returnedOn']} label={a('returnedOn')}>
                    <DatePicker format={dateFormat} inputReadOnly style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name={[field.name, 'work']} label={a('work')}>
                <Input maxLength={200} />
              </Form.Item>
            </Card>
          ))}
          <Button
            block
            icon={<PlusOutlined />}
            onClick={() => add({ scope: 'domestic' })}
            data-testid="away-add"
          >
            {t('book.add')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

/** Years already in the book cannot be taken out (the book keeps them), only changed. */
export function YearlyFields({ savedTitles }: { savedTitles: number }) {
  const { t } = useI18n();
  const options = useOptions();
  return (
    <>
      <Row gutter={12}>
        <Col xs={14}>
          <Form.Item name="povertyStatus" label={t('book.povertyStatus')} rules={[{ required: true }]}>
            <Select options={options(povertyStatusLabels)} />
          </Form.Item>
        </Col>
        <Col xs={10}>
          <Form.Item name="povertyYear" label={t('book.year')} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} style={{ width: '100%' }} inputMode="numeric" />
          </Form.Item>
        </Col>
      </Row>
      <Form.List name="culturalTitles">
        {(fields, { add, remove }) => (
          <Card size="small" title={t('book.culturalTitle')} className="section">
            {fields.map((field) => (
              <Row gutter={8} key={field.key} align="middle">
                <Col xs={7}>
                  <Form.Item name={[field.name, 'year']} rules={[{ required: true }]}>
                    <InputNumber
                      min={2000}
                      max={2100}
                      style={{ width: '100%' }}
                      aria-label={t('book.year')}
                    />
                  </Form.Item>
                </Col>
                <Col xs={14}>
                  <Form.Item name={[field.name, 'title']} rules={[{ required: true }]}>
                    <Select options={options(culturalTitleLabels)} aria-label={t('book.culturalTitle')} />
                  </Form.Item>
                </Col>
                <Col xs={3}>
                  <Form.Item hidden={field.name < savedTitles}>
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('book.remove')}
                      onClick={() => remove(field.name)}
                    />
                  </Form.Item>
                </Col>
              </Row>
            ))}
            <Button
              block
              icon={<PlusOutlined />}
              onClick={() => add({ year: Number(todayInVietnam().slice(0, 4)), title: 'cultural_family' })}
            >
              {t('book.add')}
            </Button>
          </Card>
        )}
      </Form.List>
    </>
  );
}
