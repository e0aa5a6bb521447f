import { timingSafeEqual } from 'node:crypto';

/** Compares a computed signature with a given one in constant time. */
export function equalSecrets(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
