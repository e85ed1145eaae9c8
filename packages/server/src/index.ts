export { buildApp, type AppOptions } from './http/app.js';
export { createDatabase, type Database, type Engine } from './db/database.js';
export { migrateToLatest } from './db/migrate.js';
export { seedDemo } from './demo/seed-demo.js';
export { generateDemo } from './demo/generate-demo.js';
export { startServer } from './server.js';
