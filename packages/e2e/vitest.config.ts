import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'e2e',
    include: ['src/**/*.e2e.test.ts'],
    // The demo (6,500 households) is seeded once into a file each scenario's server copies.
    globalSetup: ['src/support/global-setup.ts'],
    // A real server and a real browser walk the pages.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // One browser and one server at a time: the scenarios share neither.
    fileParallelism: false,
  },
});
