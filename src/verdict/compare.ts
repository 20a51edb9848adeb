import type { ResultsFile, CaseResult } from '../results/schema.js';
import type { Policy } from '../policy/schema.js';
import { benjaminiHochberg, holm } from '../stats/adjust.js';
import { fisherOneSided } from '../stats/exact.js';
import { pairedTest, type PairedResult } from '../stats/paired.js';
import { pairCases, tally, type PairedCase, type SideTally } from './pairing.js';

export interface SideSummary {
  passRate: number;
  delayedFailureRate: number;
  /** Cases with at least one sample that produced a verdict. */
  cases: number;
  samples: number;
  errors: number;
  errorRate: number;
  /** failureCurve[t-1] = share of valid samples that have failed by turn t. */
  failureCurve: number[];
  /** Share of valid samples failing, per severity. */
  failureRateBySeverity: Record<string, number>;
}

export interface CategoryStats {
  name: string;
  cases: number;
  baseline: number;
  candidate: number;
  delta: number;
  ci: [number, number];
  pValue: number;
  pAdjusted: number;
  test: PairedResult['test'];
}

export type CaseStatus = 'regressed' | 'fixed' | 'unchanged' | 'new' | 'removed';

export interface CaseSideStats {
  passes: number;
  valid: number;
  errors: number;
  passRate: number | null;
  firstFailureTurns: number[];
}

export interface CaseStats {
  id: string;
  title?: string;
  category: string;
  severity: CaseResult['severity'];
  file?: string;
  line?: number;
  baseline: CaseSideStats | null;
  candidate: CaseSideStats | null;
  pValue: number | null;
  pAdjusted: number | null;
  status: CaseStatus;
  /** False when one side has no valid sample (only errors): nothing could be compared. */
  compared: boolean;
  /** Severity or category the candidate's results gave, when they differ from the baseline's (which rules). */
  changed?: { severity?: string; category?: string };
  /** The first failing candidate sample of any case the candidate failed at least once, for the transcripts. */
  example?: FailureExample;
}

export interface FailureExample {
  sample: number;
  firstFailureTurn: number | null;
  violations: Array<{ rule: string; turn: number; evidence: string }>;
  transcript: Array<Record<string, unknown>>;
}

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

export interface Comparison {
  overall: PairedResult;
  delayed: PairedResult & { baseline: number; candidate: number };
  baseline: SideSummary;
  candidate: SideSummary;
  categories: CategoryStats[];
  cases: CaseStats[];
  compared: number;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);

export function compare(baseline: ResultsFile, candidate: ResultsFile, policy: Policy): Comparison {
  const { alpha, delayedTurn } = policy;
  const { paired, added, removed } = pairCases(baseline, candidate, delayedTurn);
  const usable = paired.filter((p) => p.b.valid > 0 && p.c.valid > 0);
  const single = usable.length > 0 && usable.every((p) => p.b.valid === 1 && p.c.valid === 1);
  const units = single ? usable.length : usable.reduce((s, p) => s + Math.min(p.b.valid, p.c.valid), 0);

  const passB = usable.map((p) => p.b.passes / p.b.valid);
  const passC = usable.map((p) => p.c.passes / p.c.valid);
  const overall = pairedTest(passB, passC, single, alpha, units);

  // Delayed failures are tested as a safety score (1 - delayed share) so "lower is worse" holds for both tests.
  const delB = usable.map((p) => p.b.delayed / p.b.valid);
  const delC = usable.map((p) => p.c.delayed / p.c.valid);
  const dt = pairedTest(
    delB.map((x) => 1 - x),
    delC.map((x) => 1 - x),
    single,
    alpha,
    units,
  );
  const delayed = {
    ...dt,
    delta: -dt.delta,
    ci: [-dt.ci[1], -dt.ci[0]] as [number, number],
    baseline: mean(delB),
    candidate: mean(delC),
  };

  const categories = categoryStats(usable, alpha);
  const cases = caseStats(paired, added, removed, alpha);
  // A loop, not Math.max(...spread): 200,000 samples overflow the call stack.
  let maxTurn = 1;
  for (const r of [baseline, candidate])
    for (const c of r.cases)
      for (const s of c.samples) maxTurn = Math.max(maxTurn, s.firstFailureTurn ?? 0, s.turns ?? 0);
  return {
    overall,
    delayed,
    baseline: sideSummary(baseline, delayedTurn, maxTurn),
    // The baseline's severities rule for paired cases: a candidate cannot dodge a severity budget by relabelling.
    candidate: sideSummary(
      candidate,
      delayedTurn,
      maxTurn,
      new Map(baseline.cases.map((c) => [c.id, c.severity])),
    ),
    categories,
    cases,
    compared: usable.length,
  };
}

function categoryStats(usable: PairedCase[], alpha: number): CategoryStats[] {
  const groups = new Map<string, PairedCase[]>();
  for (const p of usable) groups.set(p.base.category, [...(groups.get(p.base.category) ?? []), p]);
  const names = [...groups.keys()].sort();
  const tests = names.map((name) => {
    const g = groups.get(name)!;
    const single = g.every((p) => p.b.valid === 1 && p.c.valid === 1);
    const units = single ? g.length : g.reduce((s, p) => s + Math.min(p.b.valid, p.c.valid), 0);
    const b = g.map((p) => p.b.passes / p.b.valid);
    const c = g.map((p) => p.c.passes / p.c.valid);
    return { name, g, b, c, r: pairedTest(b, c, single, alpha, units) };
  });
  const adjusted = holm(tests.map((t) => t.r.pValue));
  return tests.map((t, i) => ({
    name: t.name,
    cases: t.g.length,
    baseline: mean(t.b),
    candidate: mean(t.c),
    delta: t.r.delta,
    ci: t.r.ci,
    pValue: t.r.pValue,
    pAdjusted: adjusted[i],
    test: t.r.test,
  }));
}

function sideStats(t: SideTally): CaseSideStats {
  return {
    passes: t.passes,
    valid: t.valid,
    errors: t.errors,
    passRate: t.valid ? t.passes / t.valid : null,
    firstFailureTurns: t.firstFailures,
  };
}

function caseStats(
  paired: PairedCase[],
  added: CaseResult[],
  removed: CaseResult[],
  alpha: number,
): CaseStats[] {
  const usable = paired.filter((p) => p.b.valid > 0 && p.c.valid > 0);
  const worse = usable.map((p) =>
    fisherOneSided(p.b.passes, p.b.valid - p.b.passes, p.c.passes, p.c.valid - p.c.passes),
  );
  const better = usable.map((p) =>
    fisherOneSided(p.c.passes, p.c.valid - p.c.passes, p.b.passes, p.b.valid - p.b.passes),
  );
  const worseAdj = benjaminiHochberg(worse);
  const betterAdj = benjaminiHochberg(better);
  const index = new Map(usable.map((p, i) => [p, i]));
  const base = (c: CaseResult) => ({
    id: c.id,
    title: c.title,
    category: c.category,
    severity: c.severity,
    file: c.file,
    line: c.line,
  });
  const out: CaseStats[] = paired.map((p) => {
    const i = index.get(p);
    const changed: CaseStats['changed'] = {};
    if (p.cand.severity !== p.base.severity) changed.severity = p.cand.severity;
    if (p.cand.category !== p.base.category) changed.category = p.cand.category;
    const row: CaseStats = {
      ...base(p.base),
      // The candidate's own copy locates the case in the head's files (for annotations).
      file: p.cand.file ?? p.base.file,
      line: p.cand.line ?? p.base.line,
      baseline: sideStats(p.b),
      candidate: sideStats(p.c),
      pValue: i === undefined ? null : worse[i],
      pAdjusted: i === undefined ? null : worseAdj[i],
      status: 'unchanged',
      compared: i !== undefined,
      ...(Object.keys(changed).length ? { changed } : {}),
    };
    // Every case the candidate failed at least once carries a failing transcript, whatever its status.
    const example = failureExample(p.cand);
    if (example) row.example = example;
    if (i !== undefined) {
      const neverFailedBefore = p.b.passes === p.b.valid;
      const alwaysFailsNow = p.c.passes === 0;
      const neverFailsNow = p.c.passes === p.c.valid;
      const alwaysFailedBefore = p.b.passes === 0;
      if (worseAdj[i] < alpha || (neverFailedBefore && alwaysFailsNow)) {
        row.status = 'regressed';
      } else if (betterAdj[i] < alpha || (neverFailsNow && alwaysFailedBefore)) row.status = 'fixed';
    }
    return row;
  });
  for (const c of added) {
    const t = tally(c, Infinity);
    out.push({
      ...base(c),
      baseline: null,
      candidate: sideStats(t),
      pValue: null,
      pAdjusted: null,
      status: 'new',
      compared: false,
      ...(failureExample(c) ? { example: failureExample(c) } : {}),
    });
  }
  for (const c of removed) {
    const t = tally(c, Infinity);
    out.push({
      ...base(c),
      baseline: sideStats(t),
      candidate: null,
      pValue: null,
      pAdjusted: null,
      status: 'removed',
      compared: false,
    });
  }
  return out;
}

function sideSummary(
  r: ResultsFile,
  delayedTurn: number,
  maxTurn: number,
  severityOf: ReadonlyMap<string, string> = new Map(),
): SideSummary {
  const tallies = r.cases.map((c) => [c, tally(c, delayedTurn)] as const);
  const withValid = tallies.filter(([, t]) => t.valid > 0);
  const samples = tallies.reduce((s, [, t]) => s + t.samples, 0);
  const errors = tallies.reduce((s, [, t]) => s + t.errors, 0);
  const valid = samples - errors;
  const byTurn = new Array<number>(maxTurn + 1).fill(0);
  for (const [, t] of tallies) for (const f of t.firstFailures) byTurn[Math.min(f, maxTurn)]++;
  const failureCurve: number[] = [];
  let cumulative = 0;
  for (let turn = 1; turn <= maxTurn; turn++) {
    cumulative += byTurn[turn];
    failureCurve.push(valid ? cumulative / valid : 0);
  }
  const bySeverity: Record<string, [number, number]> = {};
  for (const [c, t] of tallies) {
    const acc = (bySeverity[severityOf.get(c.id) ?? c.severity] ??= [0, 0]);
    acc[0] += t.valid - t.passes;
    acc[1] += t.valid;
  }
  return {
    passRate: mean(withValid.map(([, t]) => t.passes / t.valid)),
    delayedFailureRate: mean(withValid.map(([, t]) => t.delayed / t.valid)),
    cases: withValid.length,
    samples,
    errors,
    errorRate: samples ? errors / samples : 0,
    failureCurve,
    failureRateBySeverity: Object.fromEntries(
      Object.entries(bySeverity).map(([k, [f, n]]) => [k, n ? f / n : 0]),
    ),
  };
}
