/** Number formats shared by every place a verdict is shown to a person. */
export const pct = (x: number, digits = 1): string => `${(x * 100).toFixed(digits)}%`;

/** Signed percentage points, for deltas. */
export const signedPct = (x: number, digits = 1): string =>
  `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(x * 100).toFixed(digits)}%`;

export const pvalue = (p: number): string =>
  p === 0 ? '0' : p < 1e-4 ? p.toExponential(2) : p < 0.01 ? p.toFixed(4) : p.toFixed(3);

/** "a, b, c and 4 more": ids in a sentence without letting a long list drown it. */
export function listIds(ids: string[], max = 5): string {
  return ids.length > max ? `${ids.slice(0, max).join(', ')} and ${ids.length - max} more` : ids.join(', ');
}

/** "3/20 (15.0%, 95% CI 3.2%–37.9%)": a count with its rate and interval (a Proportion, in shape). */
export function proportion(p: { k: number; n: number; rate: number | null; ci: [number, number] }): string {
  return p.rate === null ? '—' : `${p.k}/${p.n} (${pct(p.rate)}, 95% CI ${pct(p.ci[0])}–${pct(p.ci[1])})`;
}

/**
 * Text order for ids in reports and reasons: one collator, in one locale. `localeCompare` took the machine's locale,
 * so the same gate listed cases in another order on a Danish laptop ("aa" after "z") than in CI; and it looked the
 * collator up on every call.
 */
let collator: Intl.Collator | undefined;
// Made on first use: building it loads ICU's collation data (~10 ms), which most commands never need.
export const compareText = (a: string, b: string): number =>
  (collator ??= new Intl.Collator('en')).compare(a, b);
