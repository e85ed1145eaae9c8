export * from './supervision.schema.js';
