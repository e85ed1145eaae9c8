import { formatCount, formatDecimal, type ReportTable } from '@caunoi/domain';

/** Figures ("3.094", "210/245 (85,7 %)", "14,7") align right; names and text stay left. */
const figureLike = (cell: string | number) =>
  typeof cell === 'number' || /^[\d.,/ %()\u00a0-]*\d[\d.,/ %()\u00a0-]*$/.test(cell);

/**
 * One table of a printed report (the domain's `ReportTable`): heading, bordered table, bold total row.
 * Tables of many columns take a smaller type to fit the A4 width; on a narrow screen they scroll.
 */
export function ReportTableView({ table }: { table: ReportTable }) {
  return (
    <div className="report-table-scroll">
      <h3>{table.heading}</h3>
      <table className={table.head.length > 6 ? 'wide' : undefined}>
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
                <td key={j} className={figureLike(cell) ? 'num' : undefined}>
                  {typeof cell === 'number'
                    ? Number.isInteger(cell)
                      ? formatCount(cell)
                      : formatDecimal(cell)
                    : cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
