import type { ReportTable } from '@caunoi/domain';

/** One table of a printed report (the domain's `ReportTable`): heading, bordered table, bold total row. */
export function ReportTableView({ table }: { table: ReportTable }) {
  return (
    <>
      <h3>{table.heading}</h3>
      <table>
        <thead>
          <tr>
            {table.head.map((h) => (
              <th key={h}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i} className={table.totalRow && i === table.rows.length - 1 ? 'total' : undefined}>
              {row.map((cell, j) => (
                <td key={j} className={typeof cell === 'number' || j > 0 ? 'num' : undefined}>
                  {typeof cell === 'number' ? cell.toLocaleString('vi-VN') : cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
