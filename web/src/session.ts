/**
 * The session token for writes. `parley serve` prints the UI address with a fresh token in the
 * fragment (`#token=…`, never sent to the server in a URL); the UI moves it into sessionStorage
 * (gone when the tab closes) and removes it from the address bar.
 */
const KEY = 'parley.token';

/** Reads `#token=…` (alone or before a route, `#token=…&/library`) into sessionStorage. */
export function adoptTokenFromHash(): void {
  const m = /^#token=([^&]+)(?:&(.*))?$/.exec(window.location.hash);
  if (!m) return;
  sessionStorage.setItem(KEY, decodeURIComponent(m[1]));
  const rest = m[2] ? `#${m[2]}` : '#/library';
  history.replaceState(null, '', `${window.location.pathname}${window.location.search}${rest}`);
}

export function sessionToken(): string | undefined {
  return sessionStorage.getItem(KEY) ?? undefined;
}

export function forgetToken(): void {
  sessionStorage.removeItem(KEY);
}
