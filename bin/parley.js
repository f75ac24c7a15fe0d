#!/usr/bin/env node
// Entry point for `npx parley`: registers tsx so the TypeScript sources run directly,
// then hands over to the CLI. Kept in plain JS so no build step is needed.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/bin.ts');
