import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'server',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // A run directory for the demo templates that test files copy (test/demo-template.ts).
    globalSetup: ['test/global-setup.ts'],
    // Vitest's default (CPUs − 1) is one worker on a 2-core machine, which then
    // waits for PostgreSQL and child processes a third of the time: two files at once.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
