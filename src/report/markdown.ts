import type { GateFile } from '../verdict/gate.js';
import type { CaseStats } from '../verdict/compare.js';
import { pct, pvalue, signedPct } from '../util/format.js';
import { mdCodeSpan, mdInline } from './escape.js';

/** GitHub's limit for a comment body and a job summary is 65,536; stay clear of it. */
export const SUMMARY_LIMIT = 65_000;

/** GitHub callout per verdict: every summary (gate, replay) opens with one. */
export const CALLOUT = { OK: 'TIP', WARN: 'WARNING', BLOCK: 'CAUTION' } as const;
const HEADLINE = {
  OK: 'No safety regression detected.',
  WARN: 'Needs a look: the failure budget raised warnings.',
  BLOCK: 'Blocked: the candidate is less safe than the baseline.',
} as const;

export interface SummaryOptions {
  /** Link to the full HTML report (an artifact or a run page). */
  reportUrl?: string;
  /** The PR comment that signs off this verdict, shown when nobody has yet. */
  signoffCommand?: string;
  limit?: number;
}

function side(s: CaseStats['baseline']): string {
  if (!s) return '—';
  if (s.passRate === null) return `errors only (${s.errors})`;
  return `${s.passes}/${s.valid}${s.errors ? ` (${s.errors} err)` : ''}`;
}

function caseRow(c: CaseStats): string {
  const title = c.title ? ` ${mdInline(c.title, 90)}` : '';
  const p = c.pAdjusted === null ? '—' : pvalue(c.pAdjusted);
  return `| ${mdCodeSpan(c.id, 80)}${title} | ${c.severity} | ${mdInline(c.category)} | ${c.status} | ${side(c.baseline)} | ${side(c.candidate)} | ${p} |`;
}

const CASE_HEAD =
  '| Case | Severity | Category | Status | Baseline | Candidate | p (BH) |\n|---|---|---|---|---|---|---|';

/**
 * summary.md: the PR comment and the job summary. Verdict first (a GitHub callout), then the numbers, then details
 * in collapsible sections. Kept under the limit by dropping table rows with a note, never by cutting markup.
 */
export function renderSummary(g: GateFile, o: SummaryOptions = {}): string {
  const limit = o.limit ?? SUMMARY_LIMIT;
  const head: string[] = [];
  head.push(`> [!${CALLOUT[g.verdict]}]`);
  head.push(`> **${g.verdict}**: ${HEADLINE[g.verdict]}`);
  for (const r of g.reasons) head.push(`> - **${r.level}** ${mdInline(r.message, 400)}`);
  for (const n of g.notes ?? []) head.push(`> - note: ${mdInline(n.message, 400)}`);
  if (g.clearedBy)
    head.push(
      `>`,
      `> **Cleared for merge** by ${g.clearedBy === 'board' ? 'a review-board override' : 'a security sign-off'} (${g.signoffs.map((s) => mdInline(s.by, 60)).join(', ')}); the verdict stands.`,
    );
  head.push('');
  head.push(
    `**${mdInline(g.baseline.target.name)}** → **${mdInline(g.candidate.target.name)}** · ${g.compared} paired cases`,
  );
  head.push('');
  head.push('| | Baseline | Candidate | Change |');
  head.push('|---|---|---|---|');
  head.push(
    `| Pass rate | ${pct(g.baseline.passRate)} | ${pct(g.candidate.passRate)} | **${signedPct(g.delta)}** [95% CI ${signedPct(g.ci[0])}, ${signedPct(g.ci[1])}], p = ${pvalue(g.pValue)} (${g.test}) |`,
  );
  head.push(
    `| Delayed failures (turn ≥ ${g.policy.policy.delayedTurn}) | ${pct(g.delayed.baseline)} | ${pct(g.delayed.candidate)} | ${signedPct(g.delayed.delta)}, p = ${pvalue(g.delayed.pValue)} |`,
  );
  head.push(
    `| Samples (errors) | ${g.baseline.samples} (${g.baseline.errors}) | ${g.candidate.samples} (${g.candidate.errors}) | |`,
  );
  head.push('');
  head.push(`This suite can detect regressions of **${pct(g.mde)}** or more (α = ${g.alpha}, power 80%).`);
  head.push('');
  const sq = g.sequential;
  if (sq)
    head.push(
      `Sequential sampling: decided at round ${sq.rounds} of ${sq.maxRounds} (${sq.stoppedFor === 'block' ? 'BLOCK boundary' : sq.stoppedFor === 'futility' ? 'futility boundary' : 'sample budget'}), ${sq.calls} samples instead of ${sq.fixedCalls} (${pct(sq.saved, 0)} saved).`,
      '',
    );

  const changed = g.cases.filter((c) => c.status !== 'unchanged');
  const regressed = changed
    .filter((c) => c.status === 'regressed')
    .sort((a, b) => sevRank(a.severity) - sevRank(b.severity) || (a.pAdjusted ?? 1) - (b.pAdjusted ?? 1));
  const top: string[] = [];
  if (regressed.length) {
    top.push(
      `### Top regressed cases (${regressed.length})`,
      '',
      CASE_HEAD,
      ...regressed.slice(0, 10).map(caseRow),
      '',
    );
  }

  const cats: string[] = [];
  if (g.categories.length) {
    cats.push(
      '<details><summary>Per category</summary>',
      '',
      '| Category | Cases | Baseline | Candidate | Change | p (Holm) |',
      '|---|---|---|---|---|---|',
    );
    for (const c of g.categories) {
      cats.push(
        `| ${mdInline(c.name)} | ${c.cases} | ${pct(c.baseline)} | ${pct(c.candidate)} | ${signedPct(c.delta)} | ${pvalue(c.pAdjusted)} |`,
      );
    }
    cats.push('', '</details>', '');
  }
  const policy = g.policy.policy;
  const pol = [
    '<details><summary>Policy applied</summary>',
    '',
    `alphaBlock ${policy.alphaBlock} · alphaWarn ${policy.alphaWarn} · minRegression ${pct(policy.minRegression)} · warnRegression ${pct(policy.warnRegression)} · maxDelayedIncrease ${pct(policy.maxDelayedIncrease)} · delayedTurn ${policy.delayedTurn} · maxErrorRate ${pct(policy.maxErrorRate)} · maxMde ${pct(policy.maxMde)}`,
    '',
    `Sources: ${g.policy.sources.map((s) => mdInline(s)).join(' → ')} · hash \`${g.policy.hash}\``,
    '',
    '</details>',
    '',
  ];
  const rejected = g.rejectedSignoffs ?? [];
  const signoffs = [
    ...(g.signoffs.length
      ? [
          '**Sign-offs:** ' +
            g.signoffs
              .map(
                (s) =>
                  `${s.kind} by ${mdInline(s.by, 60)} at ${mdInline(s.at, 30)} (${mdInline(s.reason, 160)})`,
              )
              .join('; '),
          '',
        ]
      : []),
    ...(rejected.length
      ? [
          '**Not counted:** ' +
            rejected
              .slice(0, 20)
              .map((s) => `${s.kind} by ${mdInline(s.by, 60)}: ${mdInline(s.why, 120)}`)
              .join('; '),
          '',
        ]
      : []),
    ...(o.signoffCommand && !g.clearedBy
      ? [
          `To ${g.verdict === 'WARN' ? 'sign off this WARN (signoff.security)' : 'override this BLOCK (signoff.board, quorum applies)'}, comment: ${mdCodeSpan(o.signoffCommand, 200)}`,
          '',
        ]
      : []),
  ];
  const link = o.reportUrl
    ? [`[Full report](${encodeURI(o.reportUrl)}) · gate.json, results and transcripts are in the artifact.`]
    : ['Full report: `report.html` in the artifact.'];

  const fixed = [...head, ...top, ...cats, ...pol, ...signoffs, ...link].join('\n');
  // The all-cases table takes whatever room is left, row by row.
  const allOpen = `<details><summary>All changed cases (${changed.length})</summary>\n\n${CASE_HEAD}\n`;
  const allClose = '\n</details>\n\n';
  let budget = limit - fixed.length - allOpen.length - allClose.length - 200;
  const rows: string[] = [];
  for (const c of changed) {
    const row = caseRow(c);
    if (row.length + 1 > budget) break;
    rows.push(row);
    budget -= row.length + 1;
  }
  let all = '';
  if (changed.length) {
    const note =
      rows.length < changed.length
        ? `\n\n${changed.length - rows.length} more cases not shown here (comment size limit): see the full report or gate.json.`
        : '';
    all = rows.length
      ? `${allOpen}${rows.join('\n')}${note}${allClose}`
      : `${changed.length} changed cases: see the full report.${allClose}`;
  }
  const body =
    [...head, ...top].join('\n') + '\n' + all + [...cats, ...pol, ...signoffs, ...link].join('\n') + '\n';
  if (body.length > limit) {
    // Only reachable with absurdly many reasons: keep the verdict, point to the report.
    return `> [!${CALLOUT[g.verdict]}]\n> **${g.verdict}**: ${HEADLINE[g.verdict]} ${g.reasons.length} reasons: see the full report.\n`;
  }
  return body;
}

function sevRank(s: string): number {
  return ['critical', 'high', 'medium', 'low'].indexOf(s);
}
