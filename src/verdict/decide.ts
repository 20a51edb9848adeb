import type { Policy } from '../policy/schema.js';
import { budget, type CaseStats, type Comparison } from './compare.js';
import { fisherOneSided } from '../stats/exact.js';
import { clopperPearson } from '../stats/proportion.js';
import { compareText, listIds, pct, pvalue as pv } from '../util/format.js';
import { droppedCases, failingCases } from './worse.js';
import type { Note, Reason, Verdict } from './schema.js';

export type { Note, Reason, Verdict };

/** " Cases: a (critical, 5/5 → 4/5), b … and 3 more." — every reason names the cases behind it. */
function named(cases: CaseStats[], max = 5): string {
  if (!cases.length) return '';
  const label = (c: CaseStats) => {
    const b = c.baseline;
    const k = c.candidate;
    const nums =
      b && k ? `${b.passes}/${b.valid} → ${k.passes}/${k.valid}` : k ? `${k.passes}/${k.valid}` : '';
    return `${c.id} (${c.severity}${nums ? `, ${nums}` : ''})`;
  };
  return ` Cases: ${listIds(cases.map(label), max)}.`;
}
const ids = (cases: CaseStats[]) => cases.map((c) => c.id);

/** Fresh samples of one suspect case on both sides (run mode: `confirmSamples` per side). */
export interface Confirmation {
  id: string;
  baseline: { passes: number; valid: number };
  candidate: { passes: number; valid: number };
}

export interface Decision {
  verdict: Verdict;
  reasons: Reason[];
  notes: Note[];
}

export interface DecideOptions {
  /** Reasons found outside the statistics (a head that weakens policy, rules or suite). */
  extra?: Reason[];
  /**
   * Run mode: the confirmation samples of the suspect critical and high cases. Absent (files mode), suspects are
   * a note; present, each one listed is judged by its own Fisher test (SPEC §6.3).
   */
  confirmations?: Confirmation[];
  /**
   * Run mode with sequential sampling: the overall test's p threshold at the round that decided (the nominal level
   * of its O'Brien–Fleming boundary) instead of α_B/2, so the BLOCK budget holds whatever the stopping time.
   */
  overallBlockThreshold?: number;
}

/** Cases whose share of delayed failures rose, the biggest rise first (each case's rise computed once). */
function casesWithMoreDelayedFailures(cases: CaseStats[], delayedTurn: number): CaseStats[] {
  const share = (x: CaseStats['candidate']) =>
    x && x.valid ? x.firstFailureTurns.filter((t) => t >= delayedTurn).length / x.valid : 0;
  return cases
    .filter((c) => c.candidate)
    .map((c) => ({ c, rise: share(c.candidate) - share(c.baseline) }))
    .filter((x) => x.rise > 0)
    .sort((a, b) => b.rise - a.rise || compareText(a.c.id, b.c.id))
    .map((x) => x.c);
}

/** The suspects that run mode confirms with fresh samples: critical and high only. */
export function suspectsToConfirm(cmp: Comparison): CaseStats[] {
  return cmp.cases.filter(
    (c) => c.status === 'suspect' && (c.severity === 'critical' || c.severity === 'high'),
  );
}

/**
 * The failure budget (SPEC §6.3): every trigger becomes a reason with its numbers; the verdict is the worst level.
 * BLOCK spends alphaBlock in total (half on the overall drop, half on critical cases, Holm within the class);
 * WARN spends alphaWarn in total (see `budget` in compare.ts for the split).
 */
export function decide(
  cmp: Comparison,
  policy: Policy,
  extraOrOptions: Reason[] | DecideOptions = [],
): Decision {
  const o: DecideOptions = Array.isArray(extraOrOptions) ? { extra: extraOrOptions } : extraOrOptions;
  const reasons: Reason[] = [];
  const notes: Note[] = [];
  const add = (level: Reason['level'], code: string, message: string, values: Record<string, unknown>) =>
    reasons.push({ code, level, message, values });
  const note = (code: string, message: string, values: Record<string, unknown>) =>
    notes.push({ code, message, values });
  const { overall: ov, delayed: d } = cmp;
  const spend = budget(policy);
  const aB = spend.critical;
  const aW = spend.warnOverall;
  const aOverall = o.overallBlockThreshold ?? spend.overall;

  // Fail closed: a gate that compared nothing has not shown the candidate is safe.
  if (cmp.compared === 0) {
    add(
      'BLOCK',
      'nothing_compared',
      'No case has a valid sample on both sides: the candidate could not be evaluated.',
      { baselineErrors: cmp.baseline.errors, candidateErrors: cmp.candidate.errors },
    );
  }
  const drop = -ov.delta;
  const dropped = droppedCases(cmp.cases);
  if (ov.pValue < aOverall && drop >= policy.minRegression) {
    add(
      'BLOCK',
      'regression',
      `Pass rate fell by ${pct(drop)} (p = ${pv(ov.pValue)}, stratified exact test): below ${o.overallBlockThreshold === undefined ? `α_B/2 = ${aOverall}` : `the sequential boundary ${pv(aOverall)}`} and at least ${pct(policy.minRegression)}.${named(dropped)}`,
      {
        cases: ids(dropped),
        delta: ov.delta,
        pValue: ov.pValue,
        alpha: aOverall,
        minRegression: policy.minRegression,
        test: ov.test,
      },
    );
  } else if (ov.pValue < aW && drop >= policy.warnRegression) {
    add(
      'WARN',
      'regression_warn',
      `Pass rate fell by ${pct(drop)} (p = ${pv(ov.pValue)}): significant at α_W/2 = ${aW}, not at the BLOCK level ${pv(aOverall)}${drop < policy.minRegression ? ` or below the ${pct(policy.minRegression)} that BLOCKs` : ''}.${named(dropped)}`,
      {
        cases: ids(dropped),
        delta: ov.delta,
        pValue: ov.pValue,
        alpha: aW,
        warnRegression: policy.warnRegression,
      },
    );
  }

  const regressed = cmp.cases.filter((c) => c.status === 'regressed');
  const critical = regressed.filter((c) => c.severity === 'critical');
  if (critical.length) {
    add(
      'BLOCK',
      'critical_case_regressed',
      `${critical.length} critical case${critical.length > 1 ? 's' : ''} regressed (Fisher, Holm across critical cases, p < ${aB}): ${listIds(critical.map((c) => `${c.id} (p = ${pv(c.pAdjusted ?? 1)})`))}.`,
      { cases: critical.map((c) => c.id), pAdjusted: critical.map((c) => c.pAdjusted), alpha: aB },
    );
  }

  const failing = failingCases(cmp.cases);
  for (const [severity, limit] of Object.entries(policy.maxFailureRate)) {
    const counts = cmp.candidate.failuresBySeverity[severity];
    if (limit === undefined || !counts || counts.samples === 0) continue;
    const cp = clopperPearson(counts.failures, counts.samples);
    const rate = cp.rate ?? 0;
    const failingOf = failing.filter((c) => c.severity === severity);
    const values = {
      cases: ids(failingOf),
      severity,
      rate,
      lowerBound: cp.ci[0],
      limit,
      failures: counts.failures,
      samples: counts.samples,
    };
    if (cp.ci[0] > limit) {
      add(
        'BLOCK',
        'failure_rate_exceeded',
        `Candidate failure rate on ${severity} cases is ${pct(rate)} (${counts.failures}/${counts.samples}; 95% lower bound ${pct(cp.ci[0], 2)}), above its maxFailureRate limit of ${pct(limit)}.${named(failingOf)}`,
        values,
      );
    } else if (rate > limit) {
      add(
        'WARN',
        'failure_rate_above_budget',
        `Candidate failure rate on ${severity} cases is ${pct(rate)} (${counts.failures}/${counts.samples}), above its maxFailureRate limit of ${pct(limit)}, but its 95% lower bound (${pct(cp.ci[0], 2)}) is not.${named(failingOf)}`,
        values,
      );
    }
  }

  // Delayed failures WARN only when the failures did not simply move: the overall failure rate must not have fallen.
  if (d.pValue < spend.delayed && d.delta >= policy.maxDelayedIncrease && ov.delta <= 0) {
    const delayedUp = casesWithMoreDelayedFailures(cmp.cases, policy.delayedTurn);
    add(
      'WARN',
      'delayed_failure_increase',
      `Delayed failures (first failure at turn ${policy.delayedTurn} or later) rose by ${pct(d.delta)}, from ${pct(d.baseline)} to ${pct(d.candidate)} (p = ${pv(d.pValue)}).${named(delayedUp)}`,
      {
        cases: ids(delayedUp),
        delta: d.delta,
        baseline: d.baseline,
        candidate: d.candidate,
        pValue: d.pValue,
        alpha: spend.delayed,
        maxDelayedIncrease: policy.maxDelayedIncrease,
        delayedTurn: policy.delayedTurn,
      },
    );
  }
  for (const c of cmp.categories) {
    if (c.pAdjusted < spend.categories && c.delta < 0) {
      const inCat = dropped.filter((x) => x.category === c.name);
      add(
        'WARN',
        'category_regression',
        `Category ${c.name} regressed by ${pct(-c.delta)} (Holm-adjusted p = ${pv(c.pAdjusted)}).${named(inCat)}`,
        {
          cases: ids(inCat),
          category: c.name,
          delta: c.delta,
          pAdjusted: c.pAdjusted,
          alpha: spend.categories,
        },
      );
    }
  }
  const high = regressed.filter((c) => c.severity === 'high');
  if (high.length) {
    add(
      'WARN',
      'high_case_regressed',
      `${high.length} high-severity case${high.length > 1 ? 's' : ''} regressed (Fisher, Holm across high cases, p < ${spend.high}): ${listIds(high.map((c) => c.id))}.`,
      { cases: high.map((c) => c.id), pAdjusted: high.map((c) => c.pAdjusted), alpha: spend.high },
    );
  }

  // Suspects: never failed on the baseline, failed every candidate sample, not significant.
  const suspects = cmp.cases.filter((c) => c.status === 'suspect');
  if (o.confirmations) {
    confirm(suspects, o.confirmations, policy, add, note);
  } else if (suspects.length) {
    const serious = suspects.filter((c) => c.severity === 'critical' || c.severity === 'high');
    note(
      'suspect_cases',
      `${suspects.length} case${suspects.length > 1 ? 's' : ''} never failed on the baseline and failed every candidate sample, too few samples to be significant: ${listIds(suspects.map((c) => `${c.id} (${c.severity})`))}. Run mode confirms the critical and high ones with fresh samples.`,
      { cases: suspects.map((c) => c.id), serious: serious.map((c) => c.id) },
    );
  }

  const errorRate = Math.max(cmp.baseline.errorRate, cmp.candidate.errorRate);
  if (errorRate > policy.maxErrorRate) {
    const withErrors = cmp.cases
      .filter((c) => (c.candidate?.errors ?? 0) + (c.baseline?.errors ?? 0) > 0)
      .sort(
        (a, b) =>
          (b.candidate?.errors ?? 0) +
            (b.baseline?.errors ?? 0) -
            ((a.candidate?.errors ?? 0) + (a.baseline?.errors ?? 0)) || compareText(a.id, b.id),
      );
    add(
      'WARN',
      'error_rate',
      `Error rate ${pct(cmp.candidate.errorRate)} on the candidate, ${pct(cmp.baseline.errorRate)} on the baseline: above ${pct(policy.maxErrorRate)}; errors are excluded from the rates, never counted as passes.${named(withErrors)}`,
      {
        cases: ids(withErrors),
        baseline: cmp.baseline.errorRate,
        candidate: cmp.candidate.errorRate,
        maxErrorRate: policy.maxErrorRate,
      },
    );
  }
  // An error rate within budget can still hide a case the candidate never answered: in a suite of 1,000 cases one
  // critical case that always times out is 0.1% of samples. Not evaluated is not passed, so it is named.
  const unevaluated = cmp.cases.filter(
    (c) => c.baseline && c.baseline.valid > 0 && c.candidate && c.candidate.valid === 0,
  );
  if (unevaluated.length && cmp.compared > 0) {
    add(
      'WARN',
      'cases_unevaluated',
      `${unevaluated.length} case${unevaluated.length > 1 ? 's' : ''} got no valid candidate sample (every one ended in an error), so ${unevaluated.length > 1 ? 'they were' : 'it was'} not evaluated: ${listIds(unevaluated.map((c) => `${c.id} (${c.severity})`))}.`,
      { cases: unevaluated.map((c) => c.id) },
    );
  }
  const removed = cmp.cases.filter((c) => c.status === 'removed');
  if (removed.length) {
    add(
      'WARN',
      'cases_removed',
      `${removed.length} case${removed.length > 1 ? 's are' : ' is'} missing from the candidate: ${listIds(removed.map((c) => c.id))}.`,
      { cases: removed.map((c) => c.id) },
    );
  }
  const weakened = cmp.cases.filter(
    (c) => c.changed?.severity && rank(c.changed.severity) < rank(c.severity),
  );
  if (weakened.length) {
    add(
      'WARN',
      'severity_lowered',
      `The candidate lowered the severity of ${listIds(weakened.map((c) => c.id))}; the baseline's severity was applied.`,
      {
        cases: weakened.map((c) => ({ id: c.id, baseline: c.severity, candidate: c.changed!.severity })),
      },
    );
  }

  if (cmp.compared > 0 && ov.mde > policy.maxMde) {
    note(
      'underpowered',
      `This suite detects a drop of ${pct(ov.mde)} or more with 80% power (maxMde ${pct(policy.maxMde)}), about ${ov.power.brokenCases} fully broken case${ov.power.brokenCases === 1 ? '' : 's'}: add cases or samples before reading OK as safe.`,
      { mde: ov.mde, maxMde: policy.maxMde, cases: ov.n, brokenCases: ov.power.brokenCases },
    );
  }
  const dropNotSignificant = drop >= policy.warnRegression && !(ov.pValue < aW);
  if (dropNotSignificant) {
    note(
      'drop_not_significant',
      `Pass rate fell by ${pct(drop)}, within what chance explains on this suite (p = ${pv(ov.pValue)}).`,
      { delta: ov.delta, pValue: ov.pValue },
    );
  }
  if (d.pValue < spend.delayed && d.delta >= policy.maxDelayedIncrease && ov.delta > 0) {
    note(
      'failures_moved_later',
      `Delayed failures rose by ${pct(d.delta)} while the overall pass rate rose by ${pct(ov.delta)}: failures moved to later turns.`,
      { delayedDelta: d.delta, delta: ov.delta, pValue: d.pValue },
    );
  }

  reasons.push(...(o.extra ?? []));
  // BLOCK reasons first: they are what a reviewer must read; the sort is stable within a level.
  reasons.sort((a, b) => (a.level === b.level ? 0 : a.level === 'BLOCK' ? -1 : 1));
  const verdict: Verdict = reasons.some((r) => r.level === 'BLOCK')
    ? 'BLOCK'
    : reasons.length
      ? 'WARN'
      : 'OK';
  return { verdict, reasons, notes };
}

/**
 * Run mode: each suspect critical/high case got fresh samples on both sides; its own one-sided Fisher test decides,
 * at α_B/2 (critical) or the high cases' share of α_W, Bonferroni-divided by the number of suspects confirmed.
 */
function confirm(
  suspects: CaseStats[],
  confirmations: Confirmation[],
  policy: Policy,
  add: (level: Reason['level'], code: string, message: string, values: Record<string, unknown>) => void,
  note: (code: string, message: string, values: Record<string, unknown>) => void,
): void {
  const byId = new Map(confirmations.map((c) => [c.id, c]));
  const serious = suspects.filter((c) => c.severity === 'critical' || c.severity === 'high');
  const m = Math.max(1, serious.length);
  const confirmed: Array<{ c: CaseStats; p: number; level: Reason['level'] }> = [];
  const cleared: string[] = [];
  const missing: string[] = [];
  for (const c of serious) {
    const k = byId.get(c.id);
    if (!k || k.baseline.valid === 0 || k.candidate.valid === 0) {
      missing.push(c.id);
      continue;
    }
    const p = fisherOneSided(
      k.baseline.passes,
      k.baseline.valid - k.baseline.passes,
      k.candidate.passes,
      k.candidate.valid - k.candidate.passes,
    );
    const critical = c.severity === 'critical';
    const threshold = (critical ? budget(policy).critical : budget(policy).high) / m;
    if (p < threshold) confirmed.push({ c, p, level: critical ? 'BLOCK' : 'WARN' });
    else cleared.push(c.id);
  }
  for (const level of ['BLOCK', 'WARN'] as const) {
    const hits = confirmed.filter((x) => x.level === level);
    if (!hits.length) continue;
    add(
      level,
      level === 'BLOCK' ? 'critical_suspect_confirmed' : 'high_suspect_confirmed',
      `${hits.length} suspect ${level === 'BLOCK' ? 'critical' : 'high-severity'} case${hits.length > 1 ? 's' : ''} confirmed by fresh samples: ${listIds(hits.map((x) => `${x.c.id} (p = ${pv(x.p)})`))}.`,
      { cases: hits.map((x) => x.c.id), pValues: hits.map((x) => x.p), suspects: m },
    );
  }
  // A suspect that could not be confirmed (its fresh samples all errored) is not cleared: fail closed.
  if (missing.length) {
    add(
      'WARN',
      'suspect_unconfirmed',
      `${missing.length} suspect case${missing.length > 1 ? 's' : ''} could not be confirmed (no valid fresh samples): ${listIds(missing)}.`,
      { cases: missing },
    );
  }
  if (cleared.length) {
    note(
      'suspects_cleared',
      `${cleared.length} suspect case${cleared.length > 1 ? 's' : ''} did not reproduce on fresh samples: ${listIds(cleared)}.`,
      { cases: cleared },
    );
  }
  const other = suspects.filter((c) => !serious.includes(c));
  if (other.length) {
    note(
      'suspect_cases',
      `${other.length} lower-severity case${other.length > 1 ? 's' : ''} never failed on the baseline and failed every candidate sample: ${listIds(other.map((c) => c.id))}.`,
      { cases: other.map((c) => c.id) },
    );
  }
}

function rank(s: string): number {
  return ['low', 'medium', 'high', 'critical'].indexOf(s);
}
