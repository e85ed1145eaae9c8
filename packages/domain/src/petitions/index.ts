export * from './petition-catalogue.js';
export * from './petition-lifecycle.js';
export * from './petition-deadlines.js';
export * from './petition.schema.js';
export * from './notification.schema.js';
export * from './holiday.schema.js';
export * from './petition-figures.js';
