import { THRESHOLD_CHANGES, type GateFile } from '../verdict/gate.js';
import type { CaseStats } from '../verdict/compare.js';
import { compareText, pct, pvalue, signedPct } from '../util/format.js';
import { listedCases, type Listed } from '../verdict/worse.js';
import { caseChangeText, caseSide, noValidSample, plural, rateOrNa, sideRate, when } from './numbers.js';
import { mdCodeSpan, mdInline } from './escape.js';
import { criteriaTable } from './release-notes.js';

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
  /** listedCases(g.cases), when the caller has it already. */
  listed?: Listed;
}

function caseRow(c: CaseStats): string {
  const title = c.title ? ` ${mdInline(c.title, 90)}` : '';
  const p = c.pAdjusted === null ? '—' : pvalue(c.pAdjusted);
  const v = c.example?.violations[0];
  const first = v ? `${mdCodeSpan(v.rule, 60)} @ turn ${v.turn}` : '';
  return `| ${mdCodeSpan(c.id, 80)}${title} | ${c.severity} | ${mdInline(c.category)} | ${c.status} | ${caseSide(c.baseline)} | ${caseSide(c.candidate)} | ${caseChangeText(c)} | ${p} | ${first} |`;
}

const CASE_HEAD =
  '| Case | Severity | Category | Status | Baseline | Candidate | Change | p (BH) | First violation |\n|---|---|---|---|---|---|---|---|---|';

/** How many of the worst cases are shown open; the rest are in the collapsed full list. */
const TOP = 10;

/**
 * summary.md: the PR comment and the job summary. Verdict first (a GitHub callout), then the numbers, then every
 * case the candidate failed at least once, worst first (severity, then the change), then details in collapsible
 * sections. Kept under the limit by dropping rows of the full list with a note, never by cutting markup.
 */
export function renderSummary(g: GateFile, o: SummaryOptions = {}): string {
  const limit = o.limit ?? SUMMARY_LIMIT;
  const head: string[] = [];
  head.push(`> [!${CALLOUT[g.verdict]}]`);
  head.push(`> **${g.verdict}**: ${HEADLINE[g.verdict]}`);
  for (const r of g.reasons) head.push(`> - **${r.level}** ${mdInline(r.message, 600)}`);
  for (const n of g.notes ?? []) head.push(`> - note: ${mdInline(n.message, 400)}`);
  if (g.clearedBy)
    head.push(
      `>`,
      `> **Cleared for merge** by ${g.clearedBy === 'board' ? 'a review-board override' : 'a security sign-off'} (${g.signoffs.map((s) => mdInline(s.by, 60)).join(', ')}); the verdict stands.`,
    );
  if (g.review)
    head.push(
      `>`,
      `> **Sampled for review**: OK gates are still sampled (policy.reviewSampleRate ${g.review.rate}, picked from the head commit)${g.review.requiresSignoff ? '; a security sign-off is required' : '; a reviewer should look at this change'}.`,
    );
  head.push('');
  if (g.release) head.push(...criteriaTable(g.release));
  head.push(
    `**${mdInline(g.baseline.target.name)}** → **${mdInline(g.candidate.target.name)}** · ${plural(g.compared, 'paired case')} · ${when(g.createdAt)}`,
  );
  head.push('');
  const na = noValidSample(g, 'baseline') || noValidSample(g, 'candidate');
  head.push('| | Baseline | Candidate | Change |');
  head.push('|---|---|---|---|');
  head.push(
    `| Pass rate | ${sideRate(g, 'baseline')} | ${sideRate(g, 'candidate')} | ${na ? 'n/a' : `**${signedPct(g.delta)}** [95% CI ${signedPct(g.ci[0])}, ${signedPct(g.ci[1])}], p = ${pvalue(g.pValue)} (${g.test})`} |`,
  );
  head.push(
    `| Delayed failures (turn ≥ ${g.policy.policy.delayedTurn}) | ${rateOrNa(g, 'baseline', g.delayed.baseline)} | ${rateOrNa(g, 'candidate', g.delayed.candidate)} | ${na ? 'n/a' : `${signedPct(g.delayed.delta)}, p = ${pvalue(g.delayed.pValue)}`} |`,
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

  const { failing, others: otherChanged } = o.listed ?? listedCases(g.cases);
  const listed = [...failing, ...otherChanged];
  const top: string[] = [];
  if (failing.length) {
    top.push(
      `### Cases the candidate failed (${failing.length} of ${plural(g.cases.length, 'case')})`,
      '',
      `Worst first: severity, then the change in pass rate. ${failing.length > TOP ? `The first ${TOP} here, all of them below; ` : ''}transcripts are in the full report.`,
      '',
      CASE_HEAD,
      ...failing.slice(0, TOP).map(caseRow),
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
  // Flakiness made visible: a case that flips on the baseline is where a change in pass rate means least.
  const flaky = g.cases
    .filter((c) => (c.baseline?.flipRate ?? 0) > 0)
    .sort((a, b) => (b.baseline!.flipRate ?? 0) - (a.baseline!.flipRate ?? 0) || compareText(a.id, b.id));
  if (flaky.length) {
    cats.push(
      `<details><summary>Flaky cases on the baseline (${flaky.length})</summary>`,
      '',
      'Flip rate: the share of pairs of baseline samples that disagree (0 stable, about 0.5 a coin flip). pass^k: whether all k samples passed (k = the valid samples).',
      '',
      '| Case | Severity | Baseline | Flip rate | pass^k (baseline) | Candidate |',
      '|---|---|---|---|---|---|',
      ...flaky
        .slice(0, 50)
        .map(
          (c) =>
            `| ${mdCodeSpan(c.id)} | ${c.severity} | ${c.baseline!.passes}/${c.baseline!.valid} | ${(c.baseline!.flipRate ?? 0).toFixed(2)} | ${c.baseline!.passAllK ?? 'n/a'} | ${c.candidate ? `${c.candidate.passes}/${c.candidate.valid}` : 'n/a'} |`,
        ),
      ...(flaky.length > 50 ? ['', `and ${flaky.length - 50} more in gate.json.`] : []),
      '',
      '</details>',
      '',
    );
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
                  `${s.kind} by ${mdInline(s.by, 60)} at ${mdInline(when(s.at), 30)} (${mdInline(s.reason, 160)})`,
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
          `To ${g.verdict === 'BLOCK' ? 'override this BLOCK (signoff.board, quorum applies)' : g.reasons.some((r) => THRESHOLD_CHANGES.includes(r.code)) ? 'clear this WARN (it changes the policy or rules: a signoff.board quorum, not a security sign-off)' : 'sign off this WARN (signoff.security)'}, comment: ${mdCodeSpan(o.signoffCommand, 200)}`,
          '',
        ]
      : []),
  ];
  const link = o.reportUrl
    ? [`[Full report](${encodeURI(o.reportUrl)}) · gate.json, results and transcripts are in the artifact.`]
    : ['Full report: `report.html` in the artifact.'];

  const fixed = [...head, ...top, ...cats, ...pol, ...signoffs, ...link].join('\n');
  // The full list takes whatever room is left, row by row.
  const what = [
    failing.length ? `${plural(failing.length, 'case')} the candidate failed` : '',
    otherChanged.length ? `${plural(otherChanged.length, 'other changed case')}` : '',
  ]
    .filter(Boolean)
    .join(' and ');
  const allOpen = `<details><summary>All ${what}</summary>\n\n${CASE_HEAD}\n`;
  const allClose = '\n</details>\n\n';
  let budget = limit - fixed.length - allOpen.length - allClose.length - 200;
  const rows: string[] = [];
  for (const c of listed) {
    const row = caseRow(c);
    if (row.length + 1 > budget) break;
    rows.push(row);
    budget -= row.length + 1;
  }
  let all = '';
  if (listed.length) {
    const note =
      rows.length < listed.length
        ? `\n\n${listed.length - rows.length} more cases not shown here (comment size limit): see the full report or gate.json.`
        : '';
    all = rows.length
      ? `${allOpen}${rows.join('\n')}${note}${allClose}`
      : `${plural(listed.length, 'case')} failed or changed: see the full report.${allClose}`;
  }
  const body =
    [...head, ...top].join('\n') + '\n' + all + [...cats, ...pol, ...signoffs, ...link].join('\n') + '\n';
  if (body.length > limit) {
    // Only reachable with absurdly many reasons: keep the verdict, point to the report.
    return `> [!${CALLOUT[g.verdict]}]\n> **${g.verdict}**: ${HEADLINE[g.verdict]} ${g.reasons.length} reasons: see the full report.\n`;
  }
  return body;
}
