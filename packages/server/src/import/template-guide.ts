import { formatDescription, importKinds, importSheets, maxImportRows } from '@caunoi/domain';

/**
 * docs/import-template.md, written from the same table as the template's
 * guide sheet: a test fails when the file and the table disagree.
 */
export function templateGuideMarkdown(): string {
  const lines = [
    '# Mẫu nhập dữ liệu từ Excel (import template)',
    '',
    '<!-- Generated from packages/domain/src/import/import-sheets.ts: run `UPDATE_DOCS=1 npx vitest run src/import/template-guide.test.ts` in packages/server after changing it. -->',
    '',
    'Download the template from the web app (Nhập dữ liệu → Tải mẫu nhập) or with `npx caunoi export --template mau-nhap.xlsx`.',
    'One workbook, one sheet per kind of record, the first row holds the column names. The template names its sheets',
    '(`Hộ gia đình`) and columns (`Họ tên chủ hộ`) in Vietnamese; the keys of older files (`households`, `head_name`)',
    'are still recognised, with or without accents, in any case. Other sheets (the guide, your notes) and other columns are',
    'skipped with a notice. A CSV file holds one kind (`npx caunoi import ho.csv --sheet households`), UTF-8, comma or',
    'semicolon separated.',
    '',
    '## Rules',
    '',
    '- **Codes are keys.** A row whose code exists in your scope updates that record, only in the fields that differ;',
    '  importing the same file twice changes nothing. An empty cell keeps the stored value (an import never clears a field).',
    '  A stored record keeps its cell (members, households), its parent, kind and start date (units): moving is done in the app.',
    '- **All or nothing.** The whole file is checked against the records in your scope before anything is written, in',
    '  one transaction: one bad row and nothing is written. The report lists every problem with its sheet, row and column',
    '  (named as in the template), and echoes the refused value to the person who uploaded the file (never logged).',
    '- **Scope.** Codes may name rows of the same file or records in your scope. A code outside your scope reads exactly',
    "  like a code that does not exist: another commune's member or household code creates a record here. Member and",
    '  household codes are unique within a commune, unit codes everywhere, so a code already taken there, in your scope or',
    '  not, is `CODE_UNAVAILABLE` without saying by what. Each sheet with rows needs the right to create its records: units',
    '  (administrator, committee staff), members and households (also the cell secretary, in the cell), assignments',
    '  (also the commune leadership). Member accounts do not import.',
    '- **Assignments.** A row is keyed by household, member and start date. A new open-ended row hands the household',
    '  over: its current open assignment ends the day before. A household has at most one member at any date, and',
    '  member and household must belong to the same commune.',
    '- **Possible duplicates.** A new household whose head name and address closely match another one of the same',
    '  commune (the rule of the household form) is a warning: the import waits until the user confirms',
    '  (`--confirm-duplicates`, or the checkbox in the web app).',
    '- **Poverty status.** Recorded for `poverty_year` (this year when empty); it becomes the current status unless a',
    '  later year is already recorded.',
    '- **Formats.** Dates `dd/mm/yyyy` or `yyyy-mm-dd` (or Excel dates); money in whole đồng `1500000`, `1.500.000`',
    '  or `1,500,000` (a separator only between groups of three digits: `1.5` is refused, not guessed); yes/no as',
    '  `có`/`không` (also `x`, `1`/`0`, `yes`/`no`); listed values by key or Vietnamese label.',
    `- **Bad files.** Refused with a stable error code and nothing written: not an .xlsx or CSV file (\`IMPORT_NOT_EXCEL\`;`,
    '  the type is read from the bytes, an old .xls must be saved as .xlsx), larger than 20 MB or unpacking to more than',
    `  400 MB (\`IMPORT_FILE_TOO_LARGE\`), more than ${maxImportRows.toLocaleString('en-US')} rows (\`IMPORT_TOO_MANY_ROWS\`),`,
    '  a damaged file (`IMPORT_FILE_UNREADABLE`), CSV not in UTF-8 (`IMPORT_BAD_ENCODING`). Reported per sheet, row',
    '  and column: no sheet of the template (`NO_SHEETS`), a missing sheet or required column (`MISSING_SHEET`,',
    '  `MISSING_COLUMN`), formulas (`FORMULA`), merged cells (`MERGED_CELLS`), a row with more than 100 columns',
    '  (`TOO_MANY_COLUMNS`), unknown codes (`UNKNOWN_REFERENCE`), a household assigned to a member of another commune',
    '  (`OTHER_ORGANISATION`). Empty rows are skipped and counted (a notice), never an error.',
    '',
  ];
  for (const kind of importKinds) {
    const sheet = importSheets[kind];
    lines.push(`## \`${kind}\` (${sheet.vi})`, '');
    lines.push(
      '| key | Vietnamese label | required | format | notes | example |',
      '|---|---|---|---|---|---|',
    );
    for (const column of sheet.columns) {
      const oneOf = sheet.oneOf.find((group) => group.includes(column.key));
      const required = column.required
        ? 'yes'
        : oneOf
          ? `one of ${oneOf.map((k) => `\`${k}\``).join(', ')}`
          : 'no';
      const cells = [
        `\`${column.key}\``,
        column.vi,
        required,
        formatDescription(column.type),
        `${column.help.vi} ${column.help.en}`,
        column.example ? `\`${column.example}\`` : '',
      ];
      lines.push(`| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
