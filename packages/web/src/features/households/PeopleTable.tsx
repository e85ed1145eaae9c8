import { Table, type TableColumnsType } from 'antd';
import type { Person } from '@caunoi/domain';
import { useIsPhone } from '../../components/use-is-phone';
import { relationLabels, sexLabels } from '@caunoi/domain';
import { useI18n } from '../../i18n/i18n-context';

/** The people of the household; on a phone the relation sits under the name to keep four facts in 360 px. */
export function PeopleTable({ people }: { people: Person[] }) {
  const { t, label } = useI18n();
  const isPhone = useIsPhone();
  const relation = (p: Person) => label(relationLabels[p.relation]);
  const columns: TableColumnsType<Person> = [
    {
      title: t('households.personName'),
      dataIndex: 'fullName',
      render: (name: string, p) =>
        isPhone ? (
          <>
            <div>{name}</div>
            <div className="muted">{relation(p)}</div>
          </>
        ) : (
          name
        ),
    },
    ...(isPhone
      ? []
      : [
          {
            title: t('households.relation'),
            key: 'relation',
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
      data-testid="people-table"
      locale={{ emptyText: t('app.noData') }}
    />
  );
}
