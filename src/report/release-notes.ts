import type { GateFile } from '../verdict/gate.js';
import type { ReleaseCriteria } from '../release/checklist.js';
import type { TrendPoint } from '../release/trend.js';
import { pct, pvalue, signedPct } from '../util/format.js';
import { mdCodeSpan, mdInline } from './escape.js';

/** The release criteria as a Markdown table, one row per item (and per missing file). */
export function criteriaTable(r: ReleaseCriteria): string[] {
  const how =
    r.verification === 'git-history'
      ? 'each signature checked against git history (the line was last changed by a commit of the signer)'
      : 'signatures taken as written (the CLI does not check git history)';
  const rows = [
    `**Release criteria** (${r.met ? 'met' : 'UNMET'}; ${how}):`,
    '',
    '| Item | Where | Signed by | Status |',
    '|---|---|---|---|',
    ...r.missing.map((f) => `| (checklist) | ${mdCodeSpan(f, 120)} | — | unmet: missing file |`),
    ...r.criteria.map(
      (c) =>
        `| ${mdInline(c.text, 160)} | ${mdCodeSpan(`${c.file}:${c.line}`, 120)} | ${c.signer ? `${mdInline(`@${c.signer}`, 40)} ${c.date ?? ''}` : '—'} | ${c.met ? 'met' : `unmet: ${mdInline(c.why, 160)}`} |`,
    ),
    '',
  ];
  return rows;
}

export function trendTable(points: TrendPoint[]): string[] {
  return [
    '| Gate | Date | Verdict | Pass rate (95% CI) | Delayed failures (95% CI) | Cases |',
    '|---|---|---|---|---|---|',
    ...points.map(
      (p) =>
        `| ${mdCodeSpan(p.label, 60)} | ${mdInline(p.at.slice(0, 10), 12)} | ${mdInline(p.verdict, 8)} | ${pct(p.passRate)} [${pct(p.passCi[0])}, ${pct(p.passCi[1])}] | ${pct(p.delayedFailureRate)} [${pct(p.delayedCi[0])}, ${pct(p.delayedCi[1])}] | ${p.cases} |`,
    ),
    '',
  ];
}

/** release-notes.md: the verdict, the criteria with their signers, the sign-offs and the trend, ready to paste. */
export function renderReleaseNotes(g: GateFile): string {
  const out: string[] = [];
  const cleared = g.clearedBy
    ? ` (cleared by ${g.clearedBy === 'board' ? 'a review-board override' : 'a security sign-off'})`
    : '';
  out.push(`## Safety gate: ${g.verdict}${cleared}`, '');
  out.push(
    `${mdInline(g.baseline.target.name)} → ${mdInline(g.candidate.target.name)}: pass rate ${pct(g.baseline.passRate)} → ${pct(g.candidate.passRate)} (${signedPct(g.delta)}, 95% CI [${signedPct(g.ci[0])}, ${signedPct(g.ci[1])}], p = ${pvalue(g.pValue)}); delayed failures ${pct(g.delayed.baseline)} → ${pct(g.delayed.candidate)}; ${g.compared} paired cases. Policy hash ${mdCodeSpan(g.policy.hash, 80)}.`,
    '',
  );
  if (g.reasons.length) {
    out.push('**Reasons:**', '');
    for (const r of g.reasons) out.push(`- **${r.level}** ${mdInline(r.message, 600)}`);
    out.push('');
  }
  if (g.review)
    out.push(
      `This gate was sampled for review (policy.reviewSampleRate ${g.review.rate})${g.review.requiresSignoff ? ' and needs a security sign-off' : ''}.`,
      '',
    );
  if (g.release) out.push(...criteriaTable(g.release));
  else out.push('No release criteria were checked (no `release.checklists` in the base config).', '');
  out.push('**Sign-offs:**', '');
  if (!g.signoffs.length) out.push('None.', '');
  else {
    for (const s of g.signoffs)
      out.push(
        `- ${s.kind} by ${mdInline(`@${s.by}`, 60)} at ${mdInline(s.at, 30)}: ${mdInline(s.reason, 300)}`,
      );
    out.push('');
  }
  for (const s of g.rejectedSignoffs ?? [])
    out.push(`- not counted: ${s.kind} by ${mdInline(`@${s.by}`, 60)}: ${mdInline(s.why, 200)}`);
  if (g.rejectedSignoffs?.length) out.push('');
  out.push('**Trend** (past gates, oldest first):', '');
  if (g.trend?.length) out.push(...trendTable(g.trend));
  else out.push('No history given (`--history GLOB`).', '');
  return out.join('\n');
}
