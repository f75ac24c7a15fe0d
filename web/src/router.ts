/** Hash routes (`#/results/russia-ukraine-2024`): the page and its path segments. */
import { useEffect, useState } from 'react';

export const PAGES = [
  'library',
  'editor',
  'results',
  'whatif',
  'compare',
  'history',
  'glossary',
  'exercise',
] as const;
export type Page = (typeof PAGES)[number];

export interface Route {
  page: Page;
  /** segments after the page, decoded */
  rest: string[];
}

export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const page = (PAGES as readonly string[]).includes(parts[0]) ? (parts[0] as Page) : 'library';
  return { page, rest: page === parts[0] ? parts.slice(1) : [] };
}

export function href(page: Page, ...rest: (string | undefined)[]): string {
  return `#/${[page, ...rest.filter((s): s is string => !!s).map(encodeURIComponent)].join('/')}`;
}

export function navigate(page: Page, ...rest: (string | undefined)[]): void {
  window.location.hash = href(page, ...rest);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const on = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}
