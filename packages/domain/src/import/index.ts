export * from './cell-values.js';
export * from './import-issues.js';
export * from './import-sheets.js';
export * from './sheet-records.js';
export * from './import-report.schema.js';
export * from './export-columns.js';
