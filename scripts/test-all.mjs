#!/usr/bin/env node
// The whole test suite, tier by tier: domain unit tests, API and database tests
// (each on SQLite and PostgreSQL), then end to end in headless Chromium.
// CAUNOI_TEST_ENGINES=sqlite skips PostgreSQL; CI requires both.
import { spawnSync } from 'node:child_process';

const tiers = [
  { name: 'domain (unit)', cmd: ['npx', 'vitest', 'run', '--root', 'packages/domain'] },
  {
    name: 'server (service, API, database: SQLite + PostgreSQL)',
    cmd: ['npx', 'vitest', 'run', '--root', 'packages/server'],
  },
  { name: 'web build', cmd: ['npm', 'run', 'build', '-w', '@caunoi/web'] },
  { name: 'end-to-end (headless Chromium)', cmd: ['npx', 'vitest', 'run', '--root', 'packages/e2e'] },
];

const only = process.argv[2];
let failed = 0;
for (const tier of tiers) {
  if (only && !tier.name.startsWith(only)) continue;
  console.log(`\n=== ${tier.name} ===`);
  const result = spawnSync(tier.cmd[0], tier.cmd.slice(1), { stdio: 'inherit' });
  if (result.status !== 0) {
    failed++;
    console.error(`=== ${tier.name}: FAILED ===`);
  }
}
process.exit(failed === 0 ? 0 : 1);
