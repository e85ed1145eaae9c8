export * from './yearly-figures.schema.js';
export * from './targets.schema.js';
