export * from './sensitive-fields.js';
export * from './privacy-deadlines.js';
export * from './privacy.schema.js';
export * from './processing-register-table.js';
