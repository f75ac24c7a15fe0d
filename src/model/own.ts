/**
 * Looks up a user-named key (a party id, a case id) in a plain record by own properties only:
 * `record[id]` would find `Object.prototype.constructor` for the id `constructor`, which the id
 * pattern allows (issue #15, finding 3).
 */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
