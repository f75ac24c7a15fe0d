/**
 * Calendar arithmetic on scenario dates ("2024-02" or "2024-02-24"). A date given to the month
 * stands for the middle of that month, so its error is at most half a month either way.
 */
const DAYS_PER_MONTH = 365.2425 / 12;

function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const day = d === undefined ? 15.5 : d;
  return Date.UTC(y, m - 1, 1) / 86_400_000 + day - 1;
}

/** Months from `from` to `to` (negative when `to` is earlier). */
export function monthsBetweenDates(from: string, to: string): number {
  return (dayNumber(to) - dayNumber(from)) / DAYS_PER_MONTH;
}
