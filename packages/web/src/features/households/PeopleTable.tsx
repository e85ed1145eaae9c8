import { Table, type TableColumnsType } from 'antd';
import type { Person } from '@caunoi/domain';
import { useIsPhone } from '../../components/use-is-phone';
import {
  disabilityLabels,
  personStatusLabels,
  relationLabels,
  schoolingLevelLabels,
  sexLabels,
  workingCapacityLabels,
} from '@caunoi/domain';
import { formatDate } from '../../format/date';
import { useI18n } from '../../i18n/i18n-context';

/**
 * The people of the household; on a phone the relation and the book's facts
 * sit under the name to keep the table within 360 px.
 */
export function PeopleTable({ people, former = false }: { people: Person[]; former?: boolean }) {
  const { t, label } = useI18n();
  const isPhone = useIsPhone();
  const relation = (p: Person) => label(relationLabels[p.relation]);
  const facts = (p: Person) =>
    [
      p.ethnicity,
      p.occupation,
      p.schoolingLevel ? label(schoolingLevelLabels[p.schoolingLevel]) : null,
      p.inSchool ? t('book.inSchool') : null,
      p.healthInsurance === true
        ? t('book.insured')
        : p.healthInsurance === false
          ? t('book.uninsured')
          : null,
      p.disability && p.disability !== 'none' ? label(disabilityLabels[p.disability]) : null,
      p.workingCapacity ? label(workingCapacityLabels[p.workingCapacity]) : null,
    ]
      .filter(Boolean)
      .join(' · ');
  const columns: TableColumnsType<Person> = [
    {
      title: t('households.personName'),
      dataIndex: 'fullName',
      render: (name: string, p) => (
        <>
          <div>{name}</div>
          {isPhone ? <div className="muted">{relation(p)}</div> : null}
          {facts(p) ? (
            <div className="muted" style={{ fontSize: 12 }}>
              {facts(p)}
            </div>
          ) : null}
          {former ? (
            <div className="muted" style={{ fontSize: 12 }}>
              {label(personStatusLabels[p.status])}
              {p.leftOn ? ` · ${t('book.leftOn', { date: formatDate(p.leftOn) })}` : ''}
            </div>
          ) : null}
        </>
      ),
    },
    ...(isPhone
      ? []
      : [
          {
            title: t('households.relation'),
            key: 'relation',
            width: 150,
            render: (_: unknown, p: Person) => relation(p),
          },
        ]),
    {
      title: t('households.birthYear'),
      dataIndex: 'birthYear',
      width: isPhone ? 64 : 110,
      render: (y: number | null) => y ?? '',
    },
    {
      title: t('households.sex'),
      dataIndex: 'sex',
      width: isPhone ? 56 : 100,
      render: (s: Person['sex']) => (s ? label(sexLabels[s]) : ''),
    },
  ];
  return (
    <Table<Person>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={people}
      pagination={false}
      data-testid={former ? 'former-people-table' : 'people-table'}
      locale={{ emptyText: t('app.noData') }}
    />
  );
}
