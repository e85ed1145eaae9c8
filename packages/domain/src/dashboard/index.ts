export * from './dashboard.schema.js';
export * from './dashboard-tables.js';
export * from './dashboard-period.js';
