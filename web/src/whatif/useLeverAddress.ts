/**
 * The levers in the address, so a what-if can be shared and survives a reload: read from the
 * route's query when the panel has no levers yet, written back as they change (leverUrl.ts).
 */
import { useEffect, useMemo } from 'react';
import type { Scenario } from '../../../src/model/index.ts';
import { href } from '../router.ts';
import type { Shared } from '../workspace.ts';
import type { Levers } from './levers.ts';
import { leversFromQuery, leversToQuery } from './leverUrl.ts';

/** The levers on show: the panel's, else the address's, else the scenario's own (`start`). */
export function useLeverAddress(
  shared: Shared,
  s: Scenario,
  id: string,
  start: Levers,
  query: string | undefined,
): Levers {
  const fromUrl = useMemo(
    () => (query ? leversFromQuery(query, start, s.settings.horizonMonths - 1) : undefined),
    [query, start],
  );
  const levers: Levers = shared.levers ?? fromUrl ?? start;

  useEffect(() => {
    if (!shared.levers && fromUrl) shared.setLevers(fromUrl);
  }, [fromUrl]);
  useEffect(() => {
    const q = leversToQuery(levers, start);
    // the levers as a query string of their own: '=' and '&' stay readable in the address
    const want = q ? `${href('whatif', id)}/${q}` : href('whatif', id);
    if (window.location.hash !== want)
      history.replaceState(null, '', `${window.location.pathname}${window.location.search}${want}`);
  }, [levers, start, id]);
  return levers;
}
