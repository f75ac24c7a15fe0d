/** Writes docs/glossary.md from src/model/glossary.ts (test/model/glossary.test.ts checks it). */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { glossaryMarkdown } from '../src/model/glossary.ts';

writeFileSync(fileURLToPath(new URL('../docs/glossary.md', import.meta.url)), glossaryMarkdown());
