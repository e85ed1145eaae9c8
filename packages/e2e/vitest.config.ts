import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'e2e',
    include: ['src/**/*.e2e.test.ts'],
    // A real server seeds the demo (6,500 households) and a real browser walks the pages.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // One browser and one server at a time: the scenarios share neither.
    fileParallelism: false,
  },
});
