/**
 * Per-fact sources (issue 17): which dated facts of a case name a source, and whether the names
 * resolve. A fact is the case's start, its end, each timeline event (its date and end date), the
 * leak of a secret channel (`leaked`), and the durability coding (flags and resumption date). Rules, stated in docs/history.md:
 * - a `source` key names `id`s of the case's `sources` entries;
 * - a dataset landing page (`dataset: cow | ucdp`) supports only that dataset's own fields:
 *   start and end, and durability (UCDP's yearly activity, or a later COW war between the same
 *   states, shows a resumption; docs/history.md says when their silence shows none);
 * - every fact must name a source (validation fails otherwise); `audited` marks a case whose
 *   facts were also checked against those sources.
 */
import type { Case, SourceRef } from './caseSchema.ts';

export type FactKind = 'start' | 'end' | 'event' | 'durability';

export type CitedFact = {
  kind: FactKind;
  /** path of the fact's `source` key in the case file */
  path: (string | number)[];
  label: string;
  ref: SourceRef | undefined;
};

/** Every fact that must name a source, in file order. */
export function citedFacts(c: Case): CitedFact[] {
  const facts: CitedFact[] = [
    {
      kind: 'start',
      path: ['start', 'source'],
      label: `start ${c.start.date}`,
      ref: c.start.source,
    },
  ];
  if (c.end)
    facts.push({
      kind: 'end',
      path: ['end', 'source'],
      label: `end ${c.end.date}`,
      ref: c.end.source,
    });
  c.timeline.forEach((e, i) => {
    facts.push({
      kind: 'event',
      path: ['timeline', i, 'source'],
      label: `${e.kind} ${e.date.date}`,
      ref: e.source,
    });
    if ((e.kind === 'secret-contact' || e.kind === 'back-channel') && e.leaked)
      facts.push({
        kind: 'event',
        path: ['timeline', i, 'leaked', 'source'],
        label: `leak of the ${e.kind} of ${e.date.date} (${e.leaked.date.date})`,
        ref: e.leaked.source,
      });
  });
  if (c.durability)
    facts.push({
      kind: 'durability',
      path: ['durability', 'source'],
      label: 'durability',
      ref: c.durability.source ?? c.durability.resumedOn?.source,
    });
  return facts;
}

const refIds = (r: SourceRef): string[] => (typeof r === 'string' ? [r] : r);

/** The dataset fields a landing page may support. */
const DATASET_FIELDS: Record<'cow' | 'ucdp', ReadonlySet<FactKind>> = {
  cow: new Set(['start', 'end', 'durability']),
  ucdp: new Set(['start', 'end', 'durability']),
};

/**
 * A fact is sourced when it names at least one source that may support it (an unknown id or a
 * landing page cited for a negotiation event does not count).
 */
function supports(c: Case, f: CitedFact): boolean {
  if (!f.ref) return false;
  return refIds(f.ref).some((id) => {
    const s = c.sources.find((x) => x.id === id);
    return s !== undefined && (s.dataset === undefined || DATASET_FIELDS[s.dataset].has(f.kind));
  });
}

export const unsourcedFacts = (c: Case): CitedFact[] =>
  citedFacts(c).filter((f) => !supports(c, f));

export type SourceProblem = { path: (string | number)[]; message: string };

/** Broken citations and unsourced facts. */
export function sourceProblems(c: Case): SourceProblem[] {
  const problems: SourceProblem[] = [];
  const ids = new Map<string, number>();
  c.sources.forEach((s, i) => {
    if (s.id === undefined) return;
    if (ids.has(s.id))
      problems.push({ path: ['sources', i, 'id'], message: `source id "${s.id}" is used twice` });
    ids.set(s.id, i);
  });
  for (const f of citedFacts(c)) {
    if (!f.ref) continue;
    for (const id of refIds(f.ref)) {
      const i = ids.get(id);
      if (i === undefined) {
        problems.push({
          path: f.path,
          message: `${f.label}: no source with id "${id}" in sources`,
        });
        continue;
      }
      const ds = c.sources[i].dataset;
      if (ds !== undefined && !DATASET_FIELDS[ds].has(f.kind))
        problems.push({
          path: f.path,
          message: `${f.label}: "${id}" is the ${ds.toUpperCase()} landing page, which supports only ${[...DATASET_FIELDS[ds]].join(', ')}; cite a source that contains this fact`,
        });
    }
  }
  for (const f of unsourcedFacts(c))
    if (!f.ref)
      problems.push({
        path: f.path,
        message: `${f.label}: the fact names no source (every dated fact needs one: docs/history.md)`,
      });
  return problems;
}
