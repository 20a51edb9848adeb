import type { ResultsFile, CaseResult } from '../results/schema.js';
import type { Policy } from '../policy/schema.js';
import { benjaminiHochberg, holm } from '../stats/adjust.js';
import { fisherOneSided } from '../stats/exact.js';
import { marginKey, stratifiedExact, type Stratum } from '../stats/stratified.js';
import { deltaInterval, powerFromBaseline, type Power } from '../stats/difference.js';
import { pairCases, tally, type PairedCase, type SideTally } from './pairing.js';
import type {
  CaseSideStats,
  CaseStats,
  CaseStatus,
  CategoryStats,
  FailureExample,
  SideSummary,
} from './schema.js';

export type { CaseSideStats, CaseStats, CaseStatus, CategoryStats, FailureExample, SideSummary };

function failureExample(c: CaseResult): FailureExample | undefined {
  const i = c.samples.findIndex((s) => !s.passed && !s.error);
  if (i < 0) return undefined;
  const s = c.samples[i];
  return {
    sample: i,
    firstFailureTurn: s.firstFailureTurn,
    violations: s.violations ?? [],
    transcript: s.transcript ?? [],
  };
}

/** The overall comparison of pass rates (SPEC §6.2). */
export interface OverallStats {
  test: 'stratified-exact';
  /** Paired cases compared. */
  n: number;
  /** mean over cases of (candidate pass fraction − baseline pass fraction): negative is worse. */
  delta: number;
  ci: [number, number];
  /** Exact one-sided p of the stratified conditional test on failures (H1: the candidate fails more). */
  pValue: number;
  /** Candidate failures over the compared cases, and their expectation under H0 given each case's total. */
  statistic: number;
  expected: number;
  /** Cases whose pass fraction differs between the sides. */
  differing: number;
  /** Minimum detectable effect and its parts, from the baseline alone. */
  mde: number;
  power: Power;
}

export interface DelayedStats {
  test: 'stratified-exact';
  /** Mean per-case delayed-failure fraction on each side, and candidate − baseline (positive is worse). */
  baseline: number;
  candidate: number;
  delta: number;
  ci: [number, number];
  pValue: number;
}

export interface Comparison {
  overall: OverallStats;
  delayed: DelayedStats;
  baseline: SideSummary;
  candidate: SideSummary;
  categories: CategoryStats[];
  cases: CaseStats[];
  compared: number;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);

/**
 * How the two budgets are spent (SPEC §6.3). BLOCK: α_B/2 on the overall drop, α_B/2 on critical cases (Holm
 * within the class). WARN spends α_W in total too, so one clean PR in twenty at most asks for a sign-off: α_W/2 on
 * the overall drop, α_W/4 on delayed failures, α_W/8 on categories (Holm across them), α_W/8 on high-severity cases
 * (Holm within the class).
 */
export function budget(policy: Policy) {
  const b = policy.alphaBlock;
  const w = policy.alphaWarn;
  return {
    overall: b / 2,
    critical: b / 2,
    warnOverall: w / 2,
    delayed: w / 4,
    categories: w / 8,
    high: w / 8,
  };
}

/**
 * The per-class threshold on a case's Holm-adjusted p: critical cases spend half the BLOCK budget, high cases
 * their share of the WARN budget; medium and low cases decide nothing and are labelled at α_W.
 */
export function caseThreshold(severity: string, policy: Policy): number {
  const s = budget(policy);
  return severity === 'critical' ? s.critical : severity === 'high' ? s.high : policy.alphaWarn;
}

export function compare(baseline: ResultsFile, candidate: ResultsFile, policy: Policy): Comparison {
  const { delayedTurn } = policy;
  // Each case is tallied once, for the pairing and the side summaries alike.
  const tallies = {
    baseline: baseline.cases.map((c) => tally(c, delayedTurn)),
    candidate: candidate.cases.map((c) => tally(c, delayedTurn)),
  };
  const { paired, added, removed } = pairCases(baseline, candidate, delayedTurn, tallies);
  const usable = paired.filter((p) => p.b.valid > 0 && p.c.valid > 0);

  const failures = (p: PairedCase): Stratum => ({
    nb: p.b.valid,
    fb: p.b.valid - p.b.passes,
    nc: p.c.valid,
    fc: p.c.valid - p.c.passes,
  });
  const strata = usable.map(failures);
  const test = stratifiedExact(strata);
  const interval = deltaInterval(strata);
  const power = powerFromBaseline(strata, policy.alphaBlock, policy.minRegression);
  const overall: OverallStats = {
    test: 'stratified-exact',
    n: usable.length,
    delta: interval.delta,
    ci: interval.ci,
    pValue: test.pValue,
    statistic: test.statistic,
    expected: test.expected,
    differing: interval.differing,
    mde: power.mde,
    power,
  };

  // Delayed failures are an event of their own ("failed at turn >= delayedTurn"), tested the same way.
  const delayedStrata = usable.map((p) => ({
    nb: p.b.valid,
    fb: p.b.delayed,
    nc: p.c.valid,
    fc: p.c.delayed,
  }));
  const dTest = stratifiedExact(delayedStrata);
  const dInterval = deltaInterval(delayedStrata);
  const delayed: DelayedStats = {
    test: 'stratified-exact',
    baseline: mean(usable.map((p) => p.b.delayed / p.b.valid)),
    candidate: mean(usable.map((p) => p.c.delayed / p.c.valid)),
    // deltaInterval measures "non-events": its sign is flipped so a rise in delayed failures is positive.
    delta: -dInterval.delta,
    ci: [-dInterval.ci[1], -dInterval.ci[0]],
    pValue: dTest.pValue,
  };

  const categories = categoryStats(usable, failures);
  const cases = caseStats(paired, added, removed, policy);
  // A loop, not Math.max(...spread): 20,000 cases overflow the call stack.
  let maxTurn = 1;
  for (const side of [tallies.baseline, tallies.candidate])
    for (const t of side) maxTurn = Math.max(maxTurn, t.maxTurn);
  return {
    overall,
    delayed,
    baseline: sideSummary(baseline, tallies.baseline, maxTurn),
    // The baseline's severities rule for paired cases: a candidate cannot dodge a severity budget by relabelling.
    candidate: sideSummary(
      candidate,
      tallies.candidate,
      maxTurn,
      new Map(baseline.cases.map((c) => [c.id, c.severity])),
    ),
    categories,
    cases,
    compared: usable.length,
  };
}

function categoryStats(usable: PairedCase[], failures: (p: PairedCase) => Stratum): CategoryStats[] {
  const groups = new Map<string, PairedCase[]>();
  for (const p of usable) {
    const g = groups.get(p.base.category);
    if (g) g.push(p);
    else groups.set(p.base.category, [p]);
  }
  const names = [...groups.keys()].sort();
  const tests = names.map((name) => {
    const g = groups.get(name)!;
    const strata = g.map(failures);
    return { name, g, t: stratifiedExact(strata), i: deltaInterval(strata) };
  });
  const adjusted = holm(tests.map((t) => t.t.pValue));
  return tests.map((t, k) => ({
    name: t.name,
    cases: t.g.length,
    baseline: mean(t.g.map((p) => p.b.passes / p.b.valid)),
    candidate: mean(t.g.map((p) => p.c.passes / p.c.valid)),
    delta: t.i.delta,
    ci: t.i.ci,
    pValue: t.t.pValue,
    pAdjusted: adjusted[k],
    test: 'stratified-exact',
  }));
}

function sideStats(t: SideTally): CaseSideStats {
  const n = t.valid;
  const pairs = (n * (n - 1)) / 2;
  let passAllK: number | null = null;
  if (n >= 2) passAllK = t.passes === n ? 1 : 0;
  return {
    passes: t.passes,
    valid: n,
    errors: t.errors,
    passRate: n ? t.passes / n : null,
    firstFailureTurns: t.firstFailures,
    flipRate: n >= 2 ? (t.passes * (n - t.passes)) / pairs : null,
    passAllK,
  };
}

function memoFisher(): typeof fisherOneSided {
  // Keyed by both margins and one cell: the fourth follows (a + b and c + d are the sides' valid samples).
  const seen = new Map<number | string, Map<number, number>>();
  return (a, b, c, d) => {
    const margins = marginKey(a + b, c + d, a);
    let byC = seen.get(margins);
    if (!byC) seen.set(margins, (byC = new Map()));
    let p = byC.get(c);
    if (p === undefined) byC.set(c, (p = fisherOneSided(a, b, c, d)));
    return p;
  };
}

/** Holm within each severity class, in input order. */
function holmBySeverity(ps: number[], severities: string[]): number[] {
  const out = new Array<number>(ps.length);
  const classes = new Map<string, number[]>();
  severities.forEach((s, i) => {
    const idx = classes.get(s);
    if (idx) idx.push(i);
    else classes.set(s, [i]);
  });
  for (const idx of classes.values()) {
    const adj = holm(idx.map((i) => ps[i]));
    idx.forEach((i, k) => (out[i] = adj[k]));
  }
  return out;
}

function caseStats(
  paired: PairedCase[],
  added: CaseResult[],
  removed: CaseResult[],
  policy: Policy,
): CaseStats[] {
  const usable = paired.filter((p) => p.b.valid > 0 && p.c.valid > 0);
  // Cases share a few margins (k samples a side): each table is computed once.
  const fisher = memoFisher();
  const worse = usable.map((p) =>
    fisher(p.b.passes, p.b.valid - p.b.passes, p.c.passes, p.c.valid - p.c.passes),
  );
  const better = usable.map((p) =>
    fisher(p.c.passes, p.c.valid - p.c.passes, p.b.passes, p.b.valid - p.b.passes),
  );
  // The baseline's severity decides the class: a candidate cannot move a case into a laxer family.
  const severities = usable.map((p) => p.base.severity);
  const worseAdj = holmBySeverity(worse, severities);
  const betterAdj = holmBySeverity(better, severities);
  const worseBH = benjaminiHochberg(worse);
  const thresholds: Record<string, number> = Object.fromEntries(
    ['critical', 'high', 'medium', 'low'].map((sev) => [sev, caseThreshold(sev, policy)]),
  );
  const index = new Map(usable.map((p, i) => [p, i]));
  // One object shape for every row (absent fields undefined, which JSON leaves out): spreads and properties added
  // later made each of 20,000 rows a slow dictionary object.
  const row = (
    c: CaseResult,
    baseline: CaseSideStats | null,
    candidate: CaseSideStats | null,
    status: CaseStatus,
    located: CaseResult = c,
  ): CaseStats => ({
    id: c.id,
    title: c.title,
    category: c.category,
    severity: c.severity,
    file: located.file ?? c.file,
    line: located.line ?? c.line,
    baseline,
    candidate,
    pValue: null,
    pAdjusted: null,
    pAdjustedBH: null,
    status,
    compared: false,
    changed: undefined,
    example: undefined,
  });
  const out: CaseStats[] = paired.map((p) => {
    const i = index.get(p);
    // The candidate's own copy locates the case in the head's files (for annotations).
    const r = row(p.base, sideStats(p.b), sideStats(p.c), 'unchanged', p.cand);
    if (p.cand.severity !== p.base.severity || p.cand.category !== p.base.category) {
      r.changed = {};
      if (p.cand.severity !== p.base.severity) r.changed.severity = p.cand.severity;
      if (p.cand.category !== p.base.category) r.changed.category = p.cand.category;
    }
    // Every case the candidate failed at least once carries a failing transcript, whatever its status.
    if (p.c.valid > p.c.passes) r.example = failureExample(p.cand);
    if (i !== undefined) {
      r.compared = true;
      r.pValue = worse[i];
      r.pAdjusted = worseAdj[i];
      r.pAdjustedBH = worseBH[i];
      const threshold = thresholds[p.base.severity] ?? policy.alphaWarn;
      if (worseAdj[i] < threshold) {
        r.status = 'regressed';
      } else if (betterAdj[i] < threshold) r.status = 'fixed';
      else if (p.b.passes === p.b.valid && p.c.passes === 0) {
        // Never failed before, failed every time now, but too few samples to be significant: a lead, not a verdict.
        r.status = 'suspect';
      }
    }
    return r;
  });
  for (const c of added) {
    const r = row(c, null, sideStats(tally(c, Infinity)), 'new');
    r.example = failureExample(c);
    out.push(r);
  }
  for (const c of removed) out.push(row(c, sideStats(tally(c, Infinity)), null, 'removed'));
  return out;
}

/** One side's totals, in one pass over its tallies (20,000 cases: no per-statistic copies). */
function sideSummary(
  r: ResultsFile,
  sideTallies: SideTally[],
  maxTurn: number,
  severityOf: ReadonlyMap<string, string> = new Map(),
): SideSummary {
  let samples = 0;
  let errors = 0;
  let cases = 0;
  let passRate = 0;
  let delayedRate = 0;
  let flakyCases = 0;
  const byTurn = new Array<number>(maxTurn + 1).fill(0);
  const bySeverity: Record<string, { failures: number; samples: number }> = {};
  r.cases.forEach((c, i) => {
    const t = sideTallies[i];
    samples += t.samples;
    errors += t.errors;
    for (const f of t.firstFailures) byTurn[Math.min(f, maxTurn)]++;
    const acc = (bySeverity[severityOf.get(c.id) ?? c.severity] ??= { failures: 0, samples: 0 });
    acc.failures += t.valid - t.passes;
    acc.samples += t.valid;
    if (t.valid === 0) return;
    cases++;
    passRate += t.passes / t.valid;
    delayedRate += t.delayed / t.valid;
    if (t.valid >= 2 && t.passes > 0 && t.passes < t.valid) flakyCases++;
  });
  const valid = samples - errors;
  const failureCurve: number[] = [];
  let cumulative = 0;
  for (let turn = 1; turn <= maxTurn; turn++) {
    cumulative += byTurn[turn];
    failureCurve.push(valid ? cumulative / valid : 0);
  }
  return {
    passRate: cases ? passRate / cases : 0,
    delayedFailureRate: cases ? delayedRate / cases : 0,
    cases,
    samples,
    errors,
    errorRate: samples ? errors / samples : 0,
    failureCurve,
    failureRateBySeverity: Object.fromEntries(
      Object.entries(bySeverity).map(([k, { failures, samples: n }]) => [k, n ? failures / n : 0]),
    ),
    failuresBySeverity: bySeverity,
    flakyCases,
  };
}
