export * from './help-plan-catalogue.js';
export * from './help-plan.schema.js';
