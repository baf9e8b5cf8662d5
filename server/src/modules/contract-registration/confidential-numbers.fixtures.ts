/**
 * Test helper: the confidential numbers (amounts, rates, exchange rates, in their usual spellings) that appear in a
 * text as numbers — not inside a longer number (a timestamp's "09.872" holds "9.87"), but with trailing zeros still
 * the secret ("9.870", as PostgreSQL writes numeric(6,3)).
 */
export function leakedNumbers(text: string, secrets: readonly string[]): string[] {
  return secrets.filter((secret) => new RegExp(`(?<![0-9])${secret.replace(/[.,]/g, '\\$&')}(?!0*[1-9])`).test(text));
}
