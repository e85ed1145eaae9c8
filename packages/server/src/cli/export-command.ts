import { writeFile } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import { errorMessage, householdExportQuery } from '@caunoi/domain';
import type { DB } from '../db/schema.js';
import { isAppError } from '../errors/app-error.js';
import { exportHouseholdList } from '../export/household-list.service.js';
import { importTemplateWorkbook } from '../import/template-workbook.js';
import { cliActor, unitIdByCode } from './cli-actor.js';

export interface ExportCommandOptions {
  template?: boolean;
  unit?: string;
  kind?: string;
  columns?: string;
  as?: string;
}

/**
 * `caunoi export --template FILE` writes the import template;
 * `caunoi export --unit CODE --kind households FILE` a unit's household list,
 * audited like an export from the web app.
 */
export async function runExportCommand(
  db: Kysely<DB>,
  file: string,
  options: ExportCommandOptions,
): Promise<number> {
  if (options.template) {
    await writeFile(file, await importTemplateWorkbook());
    console.log(`Đã ghi mẫu nhập vào ${file}.`);
    return 0;
  }
  if (!options.unit || (options.kind ?? 'households') !== 'households') {
    console.error('Cần --template, hoặc --unit MÃ_ĐƠN_VỊ --kind households.');
    return 2;
  }
  const query = householdExportQuery.safeParse({ columns: options.columns });
  if (!query.success) {
    console.error('--columns: các cột cách nhau bằng dấu phẩy, ví dụ code,head_name,address.');
    return 2;
  }
  try {
    const actor = await cliActor(db, options.as);
    const result = await exportHouseholdList(
      db,
      actor,
      await unitIdByCode(db, options.unit),
      query.data.columns,
    );
    await writeFile(file, result.bytes);
    console.log(`Đã xuất ${result.rows} hộ vào ${file}.`);
    return 0;
  } catch (error) {
    if (!isAppError(error)) throw error;
    console.error(`${errorMessage(error.code)} [${error.code}]`);
    return 2;
  }
}
