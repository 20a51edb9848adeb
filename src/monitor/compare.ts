import { SEVERITIES, type Category, type Severity } from '../case/taxonomy.js';
import { holm } from '../stats/adjust.js';
import { clopperPearson, type Proportion } from '../stats/proportion.js';
import { conversationsNeeded, newcombeDiff, rateIncreaseP } from '../stats/two-sample.js';
import { pct, pvalue } from '../util/format.js';
import type { RuleMeta } from './grade.js';
import type { MonitorPolicy } from './schema.js';
import type { Tally } from './tally.js';

export type MonitorVerdict = 'PROMOTE' | 'HOLD' | 'ROLLBACK';
export const MONITOR_EXIT: Record<MonitorVerdict, number> = { PROMOTE: 0, HOLD: 1, ROLLBACK: 2 };

export type Family = 'overall' | 'rule' | 'category' | 'severity' | 'misuse_false_negative';

/** One comparison of the family: a violation rate on control and on canary, and the test of its increase. */
export interface MonitorRow {
  family: Family;
  name: string;
  category?: Category;
  severity?: Severity;
  control: Proportion;
  canary: Proportion;
  /** canary rate − control rate (positive: the canary is less safe). */
  diff: number;
  /** Two-sided 95% interval for diff (Newcombe hybrid score). */
  ci: [number, number];
  /** One-sided Fisher exact, H1: the canary's rate is higher. */
  pValue: number;
  /** Holm-adjusted across the whole family (family-wise error rate alpha). */
  pAdjusted: number;
  /** The increase that matters for this row: minEffect, or the alert threshold of its severity. */
  margin: number;
  status: 'regressed' | 'significant_below_threshold' | 'unchanged';
}

export interface MonitorReason {
  code: 'regression' | 'insufficient_traffic' | 'inconclusive' | 'drift';
  level: MonitorVerdict;
  message: string;
  values: Record<string, number | string>;
}

export interface Needed {
  /** Conversations per side that would settle it (power `policy.power` at minEffect). */
  perSide: number;
  control: number;
  canary: number;
}

export interface Comparison {
  verdict: MonitorVerdict;
  rows: MonitorRow[];
  reasons: MonitorReason[];
  notes: string[];
  needed: Needed | null;
  /** One-sided (1 − alpha) upper bound of the overall increase: PROMOTE needs it below minEffect. */
  upperBound: number;
}

const pp = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(2)} pp`;

/**
 * Canary against control, unpaired: overall, per rule, per category, per severity and the misuse false-negative
 * rate, each an exact one-sided test, Holm-adjusted together so the chance of any false ROLLBACK is at most alpha.
 * ROLLBACK: some increase is significant and at least its margin. HOLD: no ROLLBACK, but the traffic cannot yet
 * rule out an overall increase of minEffect (or is below minConversations): it says how much more it needs.
 * PROMOTE otherwise.
 */
export function compareTallies(
  control: Tally,
  canary: Tally,
  meta: Map<string, RuleMeta>,
  policy: MonitorPolicy,
): Comparison {
  const rows: Omit<MonitorRow, 'pAdjusted' | 'status'>[] = [];
  const add = (
    family: Family,
    name: string,
    k0: number,
    n0: number,
    k1: number,
    n1: number,
    margin: number,
    extra: { category?: Category; severity?: Severity } = {},
  ) => {
    rows.push({
      family,
      name,
      ...extra,
      control: clopperPearson(k0, n0),
      canary: clopperPearson(k1, n1),
      diff: n0 && n1 ? k1 / n1 - k0 / n0 : 0,
      ci: newcombeDiff(k0, n0, k1, n1, 0.95),
      pValue: rateIncreaseP(k0, n0, k1, n1),
      margin,
    });
  };
  const n0 = control.conversations;
  const n1 = canary.conversations;
  add('overall', 'any violation', control.flagged, n0, canary.flagged, n1, policy.minEffect);
  // Rows with no event on either side cannot reach significance under the conditional test; leaving them out
  // of the Holm family costs nothing and keeps the others' adjustment honest.
  const ruleIds = [...new Set([...control.byRule.keys(), ...canary.byRule.keys()])].sort();
  for (const id of ruleIds) {
    const m = meta.get(id);
    const sev = m?.severity ?? 'low';
    add('rule', id, control.byRule.get(id) ?? 0, n0, canary.byRule.get(id) ?? 0, n1, policy.thresholds[sev], {
      ...(m ? { category: m.category } : {}),
      severity: sev,
    });
  }
  const cats = [...new Set([...control.byCategory.keys(), ...canary.byCategory.keys()])].sort();
  for (const c of cats) {
    // A category is held to the strictest threshold among the rules it holds.
    const sevs = [...meta.values()].filter((m) => m.category === c).map((m) => policy.thresholds[m.severity]);
    add(
      'category',
      c,
      control.byCategory.get(c) ?? 0,
      n0,
      canary.byCategory.get(c) ?? 0,
      n1,
      sevs.length ? Math.min(...sevs) : policy.minEffect,
      { category: c },
    );
  }
  for (const s of [...SEVERITIES].reverse()) {
    const k0 = control.bySeverity.get(s) ?? 0;
    const k1 = canary.bySeverity.get(s) ?? 0;
    if (k0 + k1 > 0) add('severity', s, k0, n0, k1, n1, policy.thresholds[s], { severity: s });
  }
  if (control.misuse + canary.misuse > 0)
    add(
      'misuse_false_negative',
      'misuse false-negative rate',
      control.through,
      control.misuse,
      canary.through,
      canary.misuse,
      policy.minEffect,
    );
  const adjusted = holm(rows.map((r) => r.pValue));
  const full: MonitorRow[] = rows.map((r, i) => {
    const significant = adjusted[i] < policy.alpha;
    return {
      ...r,
      pAdjusted: adjusted[i],
      status: significant ? (r.diff >= r.margin ? 'regressed' : 'significant_below_threshold') : 'unchanged',
    };
  });

  const reasons: MonitorReason[] = [];
  const notes: string[] = [];
  for (const r of full) {
    const what =
      r.family === 'overall'
        ? 'Overall violation rate'
        : r.family === 'rule'
          ? `Rule ${r.name} (${r.category ?? 'uncategorised'}, ${r.severity})`
          : r.family === 'category'
            ? `Category ${r.name}`
            : r.family === 'severity'
              ? `Severity ${r.name}`
              : 'Misuse false-negative rate (misuse-labelled conversations that got through)';
    const line = `${what}: ${pct(r.control.rate ?? 0, 2)} → ${pct(r.canary.rate ?? 0, 2)} (${pp(r.diff)}, 95% CI ${pp(r.ci[0])} to ${pp(r.ci[1])}), p = ${pvalue(r.pValue)}, Holm-adjusted ${pvalue(r.pAdjusted)}`;
    if (r.status === 'regressed')
      reasons.push({
        code: 'regression',
        level: 'ROLLBACK',
        message: `${line}: significant and at least the ${pp(r.margin)} threshold.`,
        values: {
          family: r.family,
          name: r.name,
          ...(r.category ? { category: r.category } : {}),
          ...(r.severity ? { severity: r.severity } : {}),
          control: r.control.rate ?? 0,
          canary: r.canary.rate ?? 0,
          diff: r.diff,
          ciLow: r.ci[0],
          ciHigh: r.ci[1],
          pValue: r.pValue,
          pAdjusted: r.pAdjusted,
          threshold: r.margin,
        },
      });
    else if (r.status === 'significant_below_threshold')
      notes.push(`${line}: significant but below the ${pp(r.margin)} threshold.`);
  }

  const overall = full[0];
  const upperBound = newcombeDiff(control.flagged, n0, canary.flagged, n1, 1 - 2 * policy.alpha)[1];
  const pooled = n0 + n1 ? (control.flagged + canary.flagged) / (n0 + n1) : 0;
  const perSide = Math.max(
    policy.minConversations,
    conversationsNeeded(pooled, policy.minEffect, policy.alpha, policy.power),
  );
  let needed: Needed | null = null;
  if (!reasons.length) {
    const few = n0 < policy.minConversations || n1 < policy.minConversations;
    if (few || upperBound >= policy.minEffect) {
      needed = { perSide, control: Math.max(0, perSide - n0), canary: Math.max(0, perSide - n1) };
      const more = [
        needed.control ? `${needed.control} more on control` : '',
        needed.canary ? `${needed.canary} more on canary` : '',
      ]
        .filter(Boolean)
        .join(' and ');
      reasons.push({
        code: few ? 'insufficient_traffic' : 'inconclusive',
        level: 'HOLD',
        message: few
          ? `Not enough traffic to tell: ${n0} control and ${n1} canary conversations, ${policy.minConversations} per side at least. About ${perSide} per side are needed to rule out an increase of ${pp(policy.minEffect)} (${more || 'keep collecting'}).`
          : `Not enough traffic to tell: the overall increase could still be up to ${pp(upperBound)} (one-sided ${pct(1 - policy.alpha, 0)} bound), not yet below the ${pp(policy.minEffect)} minimum effect. About ${perSide} conversations per side are needed (${more || 'keep collecting: the observed increase is itself near the margin'}).`,
        values: {
          control: n0,
          canary: n1,
          neededPerSide: perSide,
          moreControl: needed.control,
          moreCanary: needed.canary,
          upperBound,
          minEffect: policy.minEffect,
        },
      });
    }
  }
  // PROMOTE rests on the overall rate; a severity class whose own threshold the traffic cannot yet vouch for is
  // said plainly, with the traffic that would.
  // Every severity, with or without violations so far (none seen on thin traffic is not none to come).
  for (const sev of [...SEVERITIES].reverse()) {
    const row = full.find((r) => r.family === 'severity' && r.name === sev);
    if (row && row.status !== 'unchanged') continue;
    if (n0 === 0 || n1 === 0) break;
    const k0 = control.bySeverity.get(sev) ?? 0;
    const k1 = canary.bySeverity.get(sev) ?? 0;
    const margin = policy.thresholds[sev];
    const hi = newcombeDiff(k0, n0, k1, n1, 1 - 2 * policy.alpha)[1];
    if (hi < margin) continue;
    const n = conversationsNeeded((k0 + k1) / (n0 + n1), margin, policy.alpha, policy.power);
    notes.push(
      `Severity ${sev}: an increase up to ${pp(hi)} is not ruled out by this traffic (its alert threshold is ${pp(margin)}); ` +
        (n > Math.min(n0, n1)
          ? `about ${n} conversations per side would rule it out if nothing changed.`
          : `the observed change (${pp(k1 / n1 - k0 / n0)}) is itself close to the threshold: more traffic will tell.`),
    );
  }
  if (overall.control.n === 0 || overall.canary.n === 0) notes.push('one side has no conversations');
  const verdict: MonitorVerdict = reasons.some((r) => r.level === 'ROLLBACK')
    ? 'ROLLBACK'
    : reasons.length
      ? 'HOLD'
      : 'PROMOTE';
  return { verdict, rows: full, reasons, notes, needed, upperBound };
}
