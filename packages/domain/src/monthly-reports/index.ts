export * from './report-month.js';
export * from './report-workflow.js';
export * from './monthly-report.schema.js';
export * from './cell-report-tables.js';
export * from './report-send-window.js';
