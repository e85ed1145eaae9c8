export * from './assignment.schema.js';
export * from './balance-types.js';
export * from './balance-proposal.js';
export * from './proposal-texts.js';
export * from './proposal.schema.js';
export * from './coverage.schema.js';
export * from './coverage-figures.js';
export * from './assignment-settings.schema.js';
