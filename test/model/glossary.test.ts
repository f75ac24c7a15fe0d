/** The glossary (src/model/glossary.ts): one entry per word, links that resolve, docs in step. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GLOSSARY, glossaryEntry, glossaryMarkdown } from '../../src/model/index.ts';

describe('glossary', () => {
  it('ids are unique, are the term as an anchor, and every "see" names an entry', () => {
    const ids = GLOSSARY.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of GLOSSARY) {
      expect(e.id).toBe(e.term.toLowerCase().replace(/ /g, '-'));
      for (const s of e.see ?? []) expect(glossaryEntry(s), `${e.id} → ${s}`).toBeDefined();
    }
  });

  it('holds the terms issue 19 names', () => {
    for (const id of [
      'stake',
      'share-of-the-stake',
      'belief-gap',
      'cost-of-conversation',
      'ripeness',
      'posture',
      'channel',
    ])
      expect(glossaryEntry(id), id).toBeDefined();
    expect(glossaryEntry('cost-of-conversation')?.unit).toMatch(/share of the stake/);
  });

  it('docs/glossary.md is generated from it (npx tsx scripts/glossary.ts)', () => {
    const doc = readFileSync(new URL('../../docs/glossary.md', import.meta.url), 'utf8');
    expect(doc).toBe(glossaryMarkdown());
  });
});
