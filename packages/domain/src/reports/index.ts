export * from './model-report.schema.js';
export * from './model-report-tables.js';
export * from './figure-report-tables.js';
