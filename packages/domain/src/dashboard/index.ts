export * from './dashboard.schema.js';
export * from './dashboard-tables.js';
