export * from './poverty-indicators.js';
export * from './poverty-standards.js';
export * from './classify-poverty.js';
export * from './poverty.schema.js';
