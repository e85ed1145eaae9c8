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
    // A page polled for a change waits up to 15 s, not vitest's 1 s: a reload that restores the
    // phone's cache, then asks the server again, takes longer than 1 s on a loaded 2-core machine.
    expect: { poll: { timeout: 15_000, interval: 100 } },
    // One browser and one server at a time: the scenarios share neither.
    fileParallelism: false,
  },
});
