import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, List, Modal, Select } from 'antd';
import { Link, useNavigate } from 'react-router';
import { isCellKind, type Household, type UnitKind } from '@caunoi/domain';
import { isApiError } from '../../api/api-error';
import { errorToMessage } from '../../api/error-message';
import { PageTitle } from '../../components/PageTitle';
import { useDebounced } from '../../components/use-debounced';
import { useI18n } from '../../i18n/i18n-context';
import { useCurrentUser } from '../auth/current-user';
import { useUnit, useUnitChildren, useUnitSearch } from '../units/queries';
import { generalPatch, peoplePatch, type GeneralValues, type PersonValues } from './book-form-values';
import { GeneralFields, PeopleFields } from './BookFormFields';
import { useCreateHousehold } from './mutations';

interface Values extends GeneralValues {
  code: string;
  cellId: number;
  people?: PersonValues[];
}

interface DuplicateDetails {
  candidates: { id: string; code: string; headName: string; address: string }[];
}

function duplicatesOf(error: unknown): DuplicateDetails | null {
  if (!isApiError(error) || error.code !== 'HOUSEHOLD_POSSIBLE_DUPLICATE') return null;
  return (error.details as unknown as DuplicateDetails | undefined) ?? { candidates: [] };
}

/** The cells the account may add households to: its own cell, or a search over its scope. */
function CellSelect(props: { value?: number; onChange?: (id: number) => void }) {
  const { t } = useI18n();
  const user = useCurrentUser();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim());
  const scope = useUnit(user.scopeUnitId);
  const children = useUnitChildren(user.scopeUnitId);
  const found = useUnitSearch(q);
  const cells = [
    ...(scope.data ? [scope.data] : []),
    ...(children.data?.items ?? []),
    ...(found.data?.items ?? []),
  ]
    .filter((u, i, all) => isCellKind(u.kind as UnitKind) && all.findIndex((x) => x.id === u.id) === i)
    .map((u) => ({ value: u.id, label: u.name }));
  return (
    <Select
      {...props}
      showSearch={{ filterOption: false, onSearch: setText }}
      options={cells}
      placeholder={t('book.newCellPick')}
      loading={found.isFetching}
      data-testid="new-household-cell"
    />
  );
}

/**
 * Adding a household. When the commune already holds one with the same head
 * and a close address, the server answers 409 with the matches; the user
 * opens them or confirms that this is another household.
 */
export default function NewHouseholdPage() {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const create = useCreateHousehold();
  const [duplicates, setDuplicates] = useState<DuplicateDetails | null>(null);
  const [pending, setPending] = useState<Record<string, unknown> | null>(null);

  const submit = (body: Record<string, unknown>) =>
    create.mutate(body, {
      onSuccess: (household: Household) => {
        void message.success(t('book.created'));
        void navigate(`/households/${household.id}`);
      },
      onError: (error) => {
        const found = duplicatesOf(error);
        if (found) {
          setPending(body);
          setDuplicates(found);
        }
      },
    });

  const onFinish = (values: Values) => {
    const general = generalPatch(values);
    const people = peoplePatch(values).people?.map(({ status: _s, ...p }) => p) ?? [];
    submit({
      code: values.code.trim(),
      cellId: values.cellId,
      ...Object.fromEntries(Object.entries(general).filter(([, v]) => v !== null)),
      people,
    });
  };

  const otherError = create.error && !duplicatesOf(create.error) ? create.error : null;

  return (
    <>
      <PageTitle title={t('book.new')} />
      {otherError ? (
        <Alert type="error" showIcon className="section" title={errorToMessage(otherError, language)} />
      ) : null}
      <Card size="small">
        <Form<Values>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={onFinish}
          disabled={create.isPending}
          initialValues={{
            needsHelp: false,
            policyFamily: false,
            vulnerable: [],
            people: [],
            ...(user.role === 'cell_secretary' ? { cellId: user.scopeUnitId } : {}),
          }}
          data-testid="new-household-form"
        >
          <Form.Item
            name="code"
            label={t('households.code')}
            rules={[{ required: true, pattern: /^[A-Za-z0-9._-]+$/, message: t('book.required') }]}
          >
            <Input maxLength={40} data-testid="new-household-code" />
          </Form.Item>
          <Form.Item
            name="cellId"
            label={t('book.newCell')}
            rules={[{ required: true, message: t('book.required') }]}
          >
            <CellSelect />
          </Form.Item>
          <GeneralFields />
          <Card size="small" title={t('book.people')} className="section">
            <PeopleFields />
          </Card>
          <Button
            type="primary"
            htmlType="submit"
            size="large"
            loading={create.isPending}
            data-testid="new-household-save"
          >
            {t('book.newSave')}
          </Button>
        </Form>
      </Card>
      <Modal
        open={duplicates !== null}
        title={t('book.duplicateTitle')}
        onCancel={() => setDuplicates(null)}
        data-testid="duplicate-warning"
        footer={[
          <Button key="back" onClick={() => setDuplicates(null)}>
            {t('book.duplicateBack')}
          </Button>,
          <Button
            key="confirm"
            type="primary"
            danger
            loading={create.isPending}
            data-testid="duplicate-confirm"
            onClick={() => {
              if (pending) submit({ ...pending, confirmDuplicate: true });
              setDuplicates(null);
            }}
          >
            {t('book.duplicateConfirm')}
          </Button>,
        ]}
      >
        <p>{t('book.duplicateText')}</p>
        <List
          size="small"
          dataSource={duplicates?.candidates ?? []}
          renderItem={(c) => (
            <List.Item>
              <div>
                <Link to={`/households/${c.id}`} target="_blank">
                  {c.headName}
                </Link>{' '}
                <span className="muted">({c.code})</span>
                <div className="muted">{c.address}</div>
              </div>
            </List.Item>
          )}
        />
      </Modal>
    </>
  );
}
