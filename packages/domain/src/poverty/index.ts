export * from './poverty-indicators.js';
export * from './poverty-standards.js';
export * from './classify-poverty.js';
export * from './poverty.schema.js';
export * from './derive-indicators.js';
export * from './poverty-review.schema.js';
