#!/usr/bin/env node
// The `caunoi` command. The server runs from its TypeScript sources through tsx,
// so there is no build step between a change and `npm start`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
await main(process.argv);
