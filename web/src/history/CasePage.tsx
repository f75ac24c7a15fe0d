/**
 * One historical case: what it was (sides, stakes, dates, outcome), its key numbers, its
 * negotiation timeline (talks, mediation, ceasefires, agreements, with dates), its lessons, its
 * sources as links, and the cases most like it (GET /analogues?caseId=).
 */
import { useEffect, useState, type JSX } from 'react';
import {
  datedToYear,
  monthsBetween,
  type Case,
  type NegotiationEvent,
} from '../../../src/history/caseSchema.ts';
import { firstContact } from '../../../src/history/caseQueries.ts';
import { getJson, type Analogues } from './api.ts';
import { AnalogueList } from './Analogues.tsx';
import { provisionsHref } from './Provisions.tsx';
import {
  EVENT_KINDS,
  formatDated,
  formatMonths,
  outcomeColour,
  outcomeLabel,
  typeLabel,
} from './labels.ts';

const REGIONS: Record<string, string> = {
  europe: 'Europe',
  'middle-east': 'Middle East',
  asia: 'Asia',
  africa: 'Africa',
  americas: 'Americas',
  oceania: 'Oceania',
};

function KeyNumbers({ c }: { c: Case }): JSX.Element {
  const now = new Date();
  const endYear = c.end ? datedToYear(c.end) : now.getUTCFullYear() + now.getUTCMonth() / 12;
  const months = Math.max(0, (endYear - datedToYear(c.start)) * 12);
  // pre-war contacts are left out, as in every time-to-talks lag (docs/history.md)
  const first = firstContact(c);
  const count = (k: NegotiationEvent['kind']) => c.timeline.filter((e) => e.kind === k).length;
  const held = c.timeline.filter((e) => e.kind === 'ceasefire' && e.held === true).length;
  const ceasefires = count('ceasefire');
  const d = c.durability;
  const resumed =
    d === null
      ? 'not yet observable (ongoing)'
      : d.resumedWithin2y
        ? 'within 2 years'
        : d.resumedWithin5y
          ? 'within 5 years'
          : d.resumedWithin10y
            ? 'within 10 years'
            : d.resumedWithin10y === false
              ? 'no, not within 10 years'
              : d.resumedWithin5y === false
                ? 'not within 5 years (10 not yet observable)'
                : 'not yet observable';
  const rows: [string, string][] = [
    ['Duration', `${formatMonths(months)}${c.end ? '' : ' so far'}`],
    [
      'First contact',
      first
        ? `${formatMonths(monthsBetween(c.start, first.date))} after it began (${EVENT_KINDS[first.kind].toLowerCase()})`
        : 'none recorded',
    ],
    ['Rounds of public talks', String(count('public-talks'))],
    ['Back channels and secret contacts', String(count('back-channel') + count('secret-contact'))],
    ['Mediation efforts', String(count('mediation'))],
    ['Ceasefires', ceasefires ? `${ceasefires} (${held} held a year or more)` : '0'],
    ['Agreements', String(count('agreement'))],
    [
      'Battle deaths',
      c.casualties
        ? `${c.casualties.battleDeaths.toLocaleString('en')}${c.casualties.low !== undefined && c.casualties.high !== undefined ? ` (${c.casualties.low.toLocaleString('en')}–${c.casualties.high.toLocaleString('en')})` : ''}`
        : 'not recorded',
    ],
    ['Outside support', `side A ${c.outsideSupport.sideA}, side B ${c.outsideSupport.sideB}`],
    ['Battlefield when talks opened', c.battlefieldAtTalks?.replace(/-/g, ' ') ?? 'no talks'],
    ['Fighting resumed', resumed],
  ];
  return (
    <dl className="history-numbers">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function eventDetail(e: NegotiationEvent): string | undefined {
  switch (e.kind) {
    case 'mediation':
      return `${e.mediator} (${e.mediatorKind}; ${e.bias.toward === 'neutral' ? 'neutral' : `leaning to side ${e.bias.toward.toUpperCase()}`}; ${e.strategy}${e.leverage.length ? `; leverage: ${e.leverage.join(', ')}` : ''}) → ${e.result}`;
    case 'agreement':
      return `${e.name} (${e.agreementType}${e.guarantors.length ? `; guarantors: ${e.guarantors.join(', ')}` : ''}${e.peacekeepers ? '; peacekeepers' : ''})`;
    case 'ceasefire':
      return `${e.mediated ? 'mediated' : 'direct'}; ${e.held === null ? 'whether it held is unknown' : e.held ? 'held a year or more' : 'did not hold a year'}`;
    case 'back-channel':
    case 'secret-contact':
    case 'public-talks':
      return (
        [e.who.length ? e.who.join(', ') : '', e.where ? `at ${e.where}` : '']
          .filter(Boolean)
          .join(' ') || undefined
      );
    default:
      return undefined;
  }
}

/** The events on the war's own time axis: a dot per event, coloured by kind. */
function EventStrip({ c }: { c: Case }): JSX.Element | null {
  if (c.timeline.length === 0) return null;
  const from = datedToYear(c.start);
  const last = Math.max(...c.timeline.map((e) => datedToYear(e.endDate ?? e.date)));
  const to = Math.max(c.end ? datedToYear(c.end) : last, last, from + 1 / 12);
  const x = (y: number) => `${(100 * (y - from)) / (to - from)}%`;
  return (
    <svg className="history-strip" width="100%" height="46" aria-hidden="true">
      <line x1="0%" x2="100%" y1="17" y2="17" />
      <text x="0%" y="42">
        {formatDated(c.start)}
      </text>
      <text x="100%" y="42" textAnchor="end">
        {c.end ? formatDated(c.end) : 'now'}
      </text>
      {c.timeline.map((e, i) => (
        <g key={i}>
          {e.endDate ? (
            <line
              className={`span kind-${e.kind}`}
              x1={x(datedToYear(e.date))}
              x2={x(datedToYear(e.endDate))}
              y1="17"
              y2="17"
            />
          ) : null}
          <circle className={`kind-${e.kind}`} cx={x(datedToYear(e.date))} cy="17" r="5" />
        </g>
      ))}
    </svg>
  );
}

export function CasePage(props: { id: string }): JSX.Element {
  const [c, setC] = useState<{ ok: true; value: Case } | { ok: false; message: string }>();
  const [similar, setSimilar] = useState<Analogues>();
  useEffect(() => {
    const ctl = new AbortController();
    setC(undefined);
    setSimilar(undefined);
    const id = encodeURIComponent(props.id);
    void getJson<Case>(`/cases/${id}`, ctl.signal).then((r) => {
      if (!ctl.signal.aborted) setC(r.ok ? r : { ok: false, message: r.message });
    });
    void getJson<Analogues>(`/analogues?caseId=${id}&top=5`, ctl.signal).then((r) => {
      if (!ctl.signal.aborted && r.ok) setSimilar(r.value);
    });
    return () => ctl.abort();
  }, [props.id]);

  if (!c) return <p aria-live="polite">Loading the case…</p>;
  if (!c.ok)
    return (
      <p role="alert" className="error">
        Cannot open case “{props.id}”: {c.message}
      </p>
    );
  const k = c.value;
  const side = (s: 'a' | 'b') => k.belligerents.filter((b) => b.side === s);
  return (
    <article className="history-case" aria-labelledby="case-title">
      <header>
        <h2 id="case-title">{k.name}</h2>
        <p className="history-case-meta">
          {typeLabel(k.type)} war{k.region ? ` · ${REGIONS[k.region] ?? k.region}` : ''} ·{' '}
          {formatDated(k.start)} – {k.end ? formatDated(k.end) : 'ongoing'} ·{' '}
          <span className="outcome-badge" style={{ borderColor: outcomeColour(k.outcome) }}>
            <span
              className="swatch"
              style={{ background: outcomeColour(k.outcome) }}
              aria-hidden="true"
            />
            {outcomeLabel(k.outcome)}
          </span>
        </p>
        <p className="history-provisions-link">
          <a href={provisionsHref('case', k.id)}>Provisions of comparable agreements →</a>
        </p>
      </header>

      <div className="history-case-grid">
        <section aria-labelledby="case-sides">
          <h3 id="case-sides">Sides and stakes</h3>
          {(['a', 'b'] as const).map((s) => (
            <div key={s} className="history-side">
              <h4>
                Side {s.toUpperCase()}{' '}
                <span className="muted">({s === 'a' ? k.regimes.sideA : k.regimes.sideB})</span>
              </h4>
              <ul>
                {side(s).map((b) => (
                  <li key={b.name}>
                    {b.name}
                    {b.role === 'secondary' ? <span className="muted"> (in support)</span> : null}
                    {b.patrons.length ? (
                      <span className="muted">
                        {' '}
                        · backed by{' '}
                        {b.patrons.map((p) => `${p.name} (${p.support.join(', ')})`).join('; ')}
                      </span>
                    ) : null}
                  </li>
                ))}
              </ul>
            </div>
          ))}
          <p>
            <span className="muted">Stakes:</span> {k.stakes.join(', ')}
          </p>
        </section>
        <section aria-labelledby="case-numbers">
          <h3 id="case-numbers">Key numbers</h3>
          <KeyNumbers c={k} />
        </section>
      </div>

      <section aria-labelledby="case-timeline">
        <h3 id="case-timeline">Negotiation timeline</h3>
        {k.timeline.length === 0 ? (
          <p>No talks, mediation, ceasefire or agreement is recorded for this war.</p>
        ) : (
          <>
            <EventStrip c={k} />
            <ol className="history-events">
              {k.timeline.map((e, i) => {
                const detail = eventDetail(e);
                return (
                  <li key={i} className={`kind-${e.kind}`}>
                    <span className="history-event-date">
                      {formatDated(e.date)}
                      {e.endDate ? ` – ${formatDated(e.endDate)}` : ''}
                    </span>
                    <span className={`history-kind kind-${e.kind}`}>{EVENT_KINDS[e.kind]}</span>
                    <span className="history-event-text">
                      {e.summary}
                      {detail ? <span className="muted"> {detail}</span> : null}
                    </span>
                  </li>
                );
              })}
            </ol>
          </>
        )}
      </section>

      <section aria-labelledby="case-lessons">
        <h3 id="case-lessons">Lessons</h3>
        <ul>
          {k.lessons.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
        {k.notes ? <p className="muted">{k.notes}</p> : null}
      </section>

      <section aria-labelledby="case-sources">
        <h3 id="case-sources">Sources</h3>
        <ul className="history-sources">
          {k.sources.map((s) => (
            <li key={s.url}>
              <a href={s.url} target="_blank" rel="noopener noreferrer">
                {s.title}
              </a>{' '}
              <span className="muted">— {s.publisher}</span>
            </li>
          ))}
        </ul>
      </section>

      {similar && similar.analogues.length > 0 ? (
        <section aria-labelledby="case-similar">
          <h3 id="case-similar">Most similar cases</h3>
          <AnalogueList analogues={similar.analogues} />
        </section>
      ) : null}
    </article>
  );
}
