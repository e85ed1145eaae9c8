import { useState } from 'react';
import { Button, Card, Descriptions, Tag } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import {
  bookFieldLabels,
  policyFamilyTypeLabels,
  vulnerableFlagLabels,
  type Household,
  type VulnerableFlag,
} from '@caunoi/domain';
import { formatInstantDate } from '../../format/date';
import { formatNumber } from '../../format/number';
import { useIsPhone } from '../../components/use-is-phone';
import { useI18n } from '../../i18n/i18n-context';
import { generalPatch, generalValues, type GeneralValues } from './book-form-values';
import { useBookDisplay } from './book-display';
import { GeneralFields } from './BookFormFields';
import { SectionEditor } from './SectionEditor';

const vulnerableKeys: VulnerableFlag[] = ['elderlyAlone', 'disabled', 'orphan', 'chronicallyIll'];

/** Address, head, phone, income, policy family, vulnerable flags and the need of help. */
export function HouseholdGeneralCard({
  household: h,
  canEdit,
  linkCell,
}: {
  household: Household;
  canEdit: boolean;
  linkCell: boolean;
}) {
  const { t, label } = useI18n();
  const show = useBookDisplay();
  // Labels above values on a phone: side by side they squeeze a long value into one letter a line.
  const isPhone = useIsPhone();
  const [editing, setEditing] = useState(false);
  const l = (key: string) => label(bookFieldLabels[key]!);
  const flags = vulnerableKeys.filter((k) => h[k]);
  return (
    <Card
      size="small"
      className="section"
      title={t('book.general')}
      extra={
        canEdit ? (
          <Button
            size="small"
            icon={<EditOutlined />}
            onClick={() => setEditing(true)}
            data-testid="edit-general"
          >
            {t('book.edit')}
          </Button>
        ) : null
      }
      data-testid="book-general"
    >
      <Descriptions
        size="small"
        layout={isPhone ? 'vertical' : 'horizontal'}
        column={{ xs: 1, sm: 1, md: 2 }}
        items={[
          { key: 'address', label: l('address'), children: h.address, span: 'filled' },
          {
            key: 'cell',
            label: t('households.cell'),
            children: linkCell ? <Link to={`/units/${h.cellId}`}>{h.cellName}</Link> : h.cellName,
          },
          { key: 'phone', label: l('phone'), children: show.text(h.phone) },
          {
            key: 'people',
            label: t('households.people'),
            children: t('households.peopleCount', { count: h.peopleCount }),
          },
          {
            key: 'income',
            label: l('monthlyIncome'),
            children: <span data-testid="book-income">{show.money(h.monthlyIncome)}</span>,
          },
          {
            key: 'perPerson',
            label: l('incomePerPerson'),
            children: (
              <span data-testid="book-income-per-person">
                {h.incomePerPerson === null
                  ? show.missing
                  : t('book.perMonth', { amount: formatNumber(h.incomePerPerson) })}
              </span>
            ),
          },
          {
            key: 'policy',
            label: l('policyFamily'),
            children: h.policyFamily
              ? h.policyFamilyType
                ? label(policyFamilyTypeLabels[h.policyFamilyType])
                : t('book.yes')
              : t('book.no'),
          },
          {
            key: 'vulnerable',
            label: t('book.vulnerable'),
            children: flags.length
              ? flags.map((k) => (
                  <Tag key={k} color="orange">
                    {label(vulnerableFlagLabels[k])}
                  </Tag>
                ))
              : t('book.none'),
          },
          ...(h.needsHelp
            ? [
                {
                  key: 'reason',
                  label: l('needsHelpReason'),
                  children: show.text(h.needsHelpReason),
                  span: 'filled' as const,
                },
              ]
            : []),
          { key: 'updated', label: t('households.updatedAt'), children: formatInstantDate(h.updatedAt) },
        ]}
      />
      {editing ? (
        <SectionEditor<GeneralValues>
          household={h}
          title={t('book.general')}
          onClose={() => setEditing(false)}
          valuesOf={generalValues}
          patchOf={(v) => generalPatch(v)}
          testId="edit-general-drawer"
        >
          {() => <GeneralFields />}
        </SectionEditor>
      ) : null}
    </Card>
  );
}
