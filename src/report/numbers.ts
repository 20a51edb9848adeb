import type { GateFile } from '../verdict/gate.js';
import type { CaseStats } from '../verdict/compare.js';
import { pct, signedPct } from '../util/format.js';
import { caseChange } from '../verdict/worse.js';

type Side = 'baseline' | 'candidate';

/**
 * A two-sided 95% interval for one side's pass rate (the mean over cases of the case pass fraction): cases are the
 * clusters, so the standard error is the spread of the case fractions over √K; floored at the binomial error of the
 * pooled samples with p̄ = (passes+1)/(valid+2), so a side that passed everything still gets an interval of some width.
 * null when the side has no valid sample.
 */
export function sideInterval(g: GateFile, side: Side): [number, number] | null {
  // Two passes over the cases and no copies: reports ask for this per side, on 20,000-case gates too.
  let k = 0;
  let sum = 0;
  let passes = 0;
  let valid = 0;
  for (const c of g.cases) {
    const s = c[side];
    if (!s || s.valid <= 0) continue;
    k++;
    sum += s.passes / s.valid;
    passes += s.passes;
    valid += s.valid;
  }
  if (!k) return null;
  const mean = sum / k;
  let squares = 0;
  for (const c of g.cases) {
    const s = c[side];
    if (s && s.valid > 0) squares += (s.passes / s.valid - mean) ** 2;
  }
  const sd = k > 1 ? Math.sqrt(squares / (k - 1)) : 0;
  const pbar = (passes + 1) / (valid + 2);
  const se = Math.max(sd / Math.sqrt(k), Math.sqrt((pbar * (1 - pbar)) / valid));
  return [Math.max(0, mean - 1.96 * se), Math.min(1, mean + 1.96 * se)];
}

/** True when the side produced no valid sample: its pass rate is not 0%, it is unknown. */
export const noValidSample = (g: GateFile, side: Side): boolean => g[side].samples - g[side].errors <= 0;

/** "90.9%" or "n/a" (no valid sample: an error, never a 0% pass rate). */
export function rateOrNa(g: GateFile, side: Side, x: number): string {
  return noValidSample(g, side) ? 'n/a' : pct(x);
}

/** "90.9% (95% CI 84.2–97.6%)", or "n/a (no valid sample)". */
export function sideRate(g: GateFile, side: Side): string {
  if (noValidSample(g, side)) return 'n/a (no valid sample)';
  const ci = sideInterval(g, side);
  return ci ? `${pct(g[side].passRate)} (95% CI ${pct(ci[0])}–${pct(ci[1])})` : pct(g[side].passRate);
}

/** A case side as "4/5" (with errors), "errors only (3)" or "—". */
export function caseSide(s: CaseStats['baseline']): string {
  if (!s) return '—';
  if (s.passRate === null) return `errors only (${s.errors})`;
  return `${s.passes}/${s.valid}${s.errors ? ` (${s.errors} err)` : ''}`;
}

/** The change in a case's pass fraction, "−20.0%", or "—". */
export function caseChangeText(c: CaseStats): string {
  const d = caseChange(c);
  return d === null ? '—' : signedPct(d, 0);
}

/** "2026-11-22 01:12 UTC" from an ISO timestamp (left as is when it is not one). */
export function when(iso: string): string {
  const m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)(?::\d\d(?:\.\d+)?)?Z$/.exec(iso);
  return m ? `${m[1]} ${m[2]} UTC` : iso;
}

/** "1 case", "2 cases". */
export const plural = (n: number, word: string, many = `${word}s`): string => `${n} ${n === 1 ? word : many}`;
