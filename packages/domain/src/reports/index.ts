export * from './model-report.schema.js';
export * from './model-report-tables.js';
