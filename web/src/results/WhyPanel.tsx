/**
 * The why-panel: what blocks talks for each leader at the chosen month, in the engine's own words
 * (RunResult.explanation.text, the lines `parley run` prints) with the numbers behind them.
 */
import type { JSX } from 'react';
import type { RunResult } from '../../../src/engine/index.ts';
import { Term } from '../Term.tsx';
import { pct } from './numbers.ts';

const CONDITION_WORDS: Record<string, string> = {
  adverseInference: 'adverse inference (an approach read as weakness)',
  enemyCapacity: "enemy's capacity to escalate",
  audienceCost: 'domestic cost of being seen to talk',
  noRange: 'no bargaining range',
  commitment: 'commitment problem',
};

export function WhyPanel({ result }: { result: RunResult }): JSX.Element {
  const e = result.explanation;
  return (
    <section className="why" aria-labelledby="why-title">
      <h2 id="why-title">Why talks are (not) opening — month {e.month}</h2>
      {e.contact ? (
        <div className="why-contact" data-testid="why-contact">
          <h3>
            <Term id="contact">Contact</Term> (talks about talks; no deal needed)
          </h3>
          {e.contact.text.map((t, k) => (
            <p key={k} className={k === 0 ? 'lead' : undefined}>
              {t}
            </p>
          ))}
        </div>
      ) : null}
      <h3 className="why-deal">
        The leaders, about a deal (their <Term id="posture" />, the{' '}
        <Term id="cost-of-conversation" />)
      </h3>
      <div className="why-parties">
        {e.parties.map((p) => {
          const name = result.meta.parties.find((x) => x.id === p.party)?.name ?? p.party;
          return (
            <article key={p.party} className="why-party" data-party={p.party}>
              <h3>{name}</h3>
              {p.text.map((t, k) => (
                <p key={k} className={k === 0 ? 'lead' : undefined}>
                  {t}
                </p>
              ))}
              {p.runsAtWar > 0 ? (
                <table className="compact">
                  <caption>
                    Share of {p.runsAtWar} runs still at war in which each condition holds
                  </caption>
                  <tbody>
                    {Object.entries(p.conditions).map(([k, v]) => (
                      <tr key={k}>
                        <th scope="row">{CONDITION_WORDS[k] ?? k}</th>
                        <td>{pct(v)}</td>
                        <td>
                          <span
                            className="bar"
                            style={{ width: `${Math.round(v * 100)}%` }}
                            aria-hidden="true"
                          />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : null}
            </article>
          );
        })}
      </div>
    </section>
  );
}
