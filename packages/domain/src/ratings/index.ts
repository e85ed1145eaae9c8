export * from './rating-framework.schema.js';
export * from './rate-score-sheet.js';
export * from './excellent-cap.js';
export * from './rating-steps.js';
export * from './rating.schema.js';
