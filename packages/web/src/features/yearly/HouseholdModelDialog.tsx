import { Alert, App, Checkbox, DatePicker, Form, Modal, Skeleton, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { todayInVietnam, type RegisterHouseholdModelInput } from '@caunoi/domain';
import { errorToMessage } from '../../api/error-message';
import { ErrorState } from '../../components/ErrorState';
import { useI18n } from '../../i18n/i18n-context';
import { useRegisterHouseholdModel } from './mutations';
import { useHouseholdModelCell } from './queries';

interface Values {
  registeredOn: Dayjs | null;
  cell: boolean;
  memberIds: string[];
}

const dateFormat = 'DD/MM/YYYY';
const vnDate = (date: string) => date.split('-').reverse().join('/');

/**
 * Registers a cell for the "đảng viên phụ trách hộ gia đình" model and its
 * members who pledge to follow households, on one date. Those already
 * registered by the year's end are shown with their date and cannot be
 * picked again (the server would keep the first registration anyway).
 */
export function HouseholdModelDialog({
  cellId,
  year,
  onClose,
}: {
  cellId: number;
  year: number;
  onClose: () => void;
}) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const cell = useHouseholdModelCell(cellId, year);
  const register = useRegisterHouseholdModel();
  const today = todayInVietnam();
  const yearEnd = `${year}-12-31`;
  const data = cell.data;
  const open = data ? data.members.filter((m) => m.registeredOn === null) : [];
  // A registration holds from its day on and is made once: one dated after the year is not offered again.
  const nothingLeft = data !== undefined && data.registeredOn !== null && open.length === 0;

  const submit = (v: Values) => {
    const registeredOn = v.registeredOn!.format('YYYY-MM-DD');
    const inputs: RegisterHouseholdModelInput[] = [
      ...(v.cell ? [{ cellId, memberId: null, registeredOn }] : []),
      ...v.memberIds
        .filter((id) => open.some((m) => m.memberId === id))
        .map((memberId) => ({ cellId, memberId, registeredOn })),
    ];
    register.mutate(inputs, {
      onSuccess: (count) => {
        void message.success(t('model.saved', { count }));
        onClose();
      },
      onError: (error) => void message.error(errorToMessage(error, language)),
    });
  };

  return (
    <Modal
      open
      title={
        // Kept clear of the close button: a long title runs under it on a phone.
        <div style={{ paddingRight: 24 }}>
          {t('model.title')}
          <Typography.Text type="secondary" style={{ display: 'block', fontWeight: 'normal' }}>
            {data?.cellName ?? '…'} · {year}
          </Typography.Text>
        </div>
      }
      okText={t('model.register')}
      okButtonProps={{
        loading: register.isPending,
        disabled: !data || nothingLeft,
        'data-testid': 'model-save',
      }}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {cell.isError ? <ErrorState error={cell.error} /> : null}
      {cell.isPending ? <Skeleton active /> : null}
      {data ? (
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{
            registeredOn: dayjs(today < yearEnd ? today : yearEnd),
            cell: data.registeredOn === null,
            // Those already registered show ticked (and locked); only the others are sent.
            memberIds: data.members.filter((m) => m.registeredOn !== null).map((m) => m.memberId),
          }}
          onFinish={submit}
        >
          <Alert
            className="section"
            type={data.registeredOn && data.registeredOn <= yearEnd ? 'success' : 'info'}
            showIcon
            message={
              data.registeredOn
                ? t(data.registeredOn > yearEnd ? 'model.cellRegisteredLater' : 'model.cellRegistered', {
                    date: vnDate(data.registeredOn),
                    year,
                  })
                : t('model.cellNotRegistered', { year })
            }
          />
          {nothingLeft ? (
            <Alert className="section" type="success" message={t('model.allRegistered')} />
          ) : null}
          {data.registeredOn === null ? (
            <Form.Item name="cell" valuePropName="checked">
              <Checkbox data-testid="model-cell">{t('model.registerCell')}</Checkbox>
            </Form.Item>
          ) : null}
          <Form.Item
            name="registeredOn"
            label={t('fourGood.registerDate')}
            hidden={nothingLeft}
            rules={[
              { required: true, message: t('model.dateRequired') },
              {
                validator: async (_rule, value: Dayjs | null) => {
                  const date = value?.format('YYYY-MM-DD');
                  if (date && (date > today || date > yearEnd))
                    throw new Error(t('model.dateInvalid', { year }));
                },
              },
            ]}
          >
            <DatePicker
              format={dateFormat}
              inputReadOnly
              style={{ width: '100%' }}
              data-testid="model-date"
            />
          </Form.Item>
          <Form.Item
            name="memberIds"
            label={t('model.members')}
            extra={data.members.length > 0 ? t('model.membersHint') : t('model.noMembers')}
            dependencies={['cell']}
            rules={[
              {
                validator: async (_rule, value: string[] | undefined) => {
                  if (nothingLeft) return;
                  const chosen = (value ?? []).filter((id) => open.some((m) => m.memberId === id));
                  if (chosen.length === 0 && !form.getFieldValue('cell')) {
                    throw new Error(t('model.nothingChosen'));
                  }
                },
              },
            ]}
          >
            <Checkbox.Group
              style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
              data-testid="model-members"
            >
              {data.members.map((m) => (
                <Checkbox key={m.memberId} value={m.memberId} disabled={m.registeredOn !== null}>
                  {m.fullName}
                  {m.registeredOn ? (
                    // On its own line: a name and a date side by side wrap unevenly on a phone.
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {t(m.registeredOn > yearEnd ? 'model.registeredLater' : 'model.registeredOn', {
                        date: vnDate(m.registeredOn),
                        year,
                      })}
                    </Typography.Text>
                  ) : null}
                </Checkbox>
              ))}
            </Checkbox.Group>
          </Form.Item>
        </Form>
      ) : null}
    </Modal>
  );
}
