export * from './visit-cadence.js';
export * from './visit.schema.js';
export * from './visit-counting.js';
