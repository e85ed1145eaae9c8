import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Drawer, Form, type FormInstance } from 'antd';
import type { Household, HouseholdConflictDetails } from '@caunoi/domain';
import { errorToMessage } from '../../api/error-message';
import { useIsPhone } from '../../components/use-is-phone';
import { useI18n } from '../../i18n/i18n-context';
import type { Patch } from './book-form-values';
import { ConflictNotice } from './ConflictNotice';
import { conflictOf, useUpdateHousehold } from './mutations';

export interface SectionEditorProps<V> {
  household: Household;
  title: string;
  onClose: () => void;
  /** The form's values for a version of the book. */
  valuesOf: (book: Household) => V;
  /**
   * The PATCH fields for what the user typed, against the version being saved
   * onto (`book`) and the one the user started from (`started`): lists merge
   * with them so that entries the other person changed or added are kept.
   */
  patchOf: (values: V, book: Household, started: Household) => Patch;
  children: (form: FormInstance<V>, book: Household) => ReactNode;
  testId: string;
}

/**
 * One section of the book in an edit drawer. The PATCH carries the version
 * the user started from; when somebody else saved first, the drawer keeps what
 * the user typed, lists the other person's changes, and lets the user save on
 * the new version or take it (ARCHITECTURE.md, optimistic concurrency).
 */
export function SectionEditor<V extends object>({
  household,
  title,
  onClose,
  valuesOf,
  patchOf,
  children,
  testId,
}: SectionEditorProps<V>) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const [form] = Form.useForm<V>();
  // The version this edit started from; it moves only when the user chooses the new version.
  const [base, setBase] = useState(household);
  // What the form held when the user began typing: only fields that differ from it are sent,
  // so saving on a newer version never writes back the other person's fields with stale values.
  const [started, setStarted] = useState(household);
  const [conflict, setConflict] = useState<HouseholdConflictDetails | null>(null);
  const update = useUpdateHousehold(household.id);

  const save = (values: V, onto: Household) => {
    const before = patchOf(valuesOf(started), started, started);
    const after = patchOf(values, onto, started);
    const changed = Object.fromEntries(
      Object.entries(after).filter(
        ([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key as keyof typeof before]),
      ),
    );
    if (Object.keys(changed).length === 0) {
      onClose();
      return;
    }
    update.mutate(
      { version: onto.version, label: `${household.headName} (${household.code})`, ...changed },
      {
        onSuccess: (outcome) => {
          void message.success(outcome.queued ? t('offline.queuedSaved') : t('book.saved'));
          onClose();
        },
        onError: (error) => setConflict(conflictOf(error)),
      },
    );
  };

  const reapply = () => {
    if (!conflict) return;
    const current = conflict.current;
    setBase(current);
    setConflict(null);
    void form.validateFields().then((values) => save(values, current));
  };

  const discard = () => {
    if (!conflict) return;
    setBase(conflict.current);
    setStarted(conflict.current);
    form.setFieldsValue(valuesOf(conflict.current) as Parameters<typeof form.setFieldsValue>[0]);
    setConflict(null);
    update.reset();
  };

  const otherError = update.error && !conflictOf(update.error) ? update.error : null;

  return (
    <Drawer
      open
      onClose={onClose}
      placement={isPhone ? 'bottom' : 'right'}
      size={isPhone ? '92vh' : 560}
      title={title}
      destroyOnHidden
      data-testid={testId}
      footer={
        <Button
          type="primary"
          block
          size="large"
          loading={update.isPending}
          disabled={conflict !== null}
          onClick={() => form.submit()}
          data-testid="book-save"
        >
          {t('book.save')}
        </Button>
      }
    >
      {conflict ? (
        <ConflictNotice conflict={conflict} onReapply={reapply} onDiscard={discard} busy={update.isPending} />
      ) : null}
      {otherError ? (
        <Alert type="error" showIcon className="section" title={errorToMessage(otherError, language)} />
      ) : null}
      <Form<V>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={valuesOf(household) as Parameters<typeof form.setFieldsValue>[0]}
        onFinish={(values) => save(values, base)}
        disabled={update.isPending}
      >
        {children(form, base)}
      </Form>
    </Drawer>
  );
}
