import type { ReplayFile } from '../incident/replay.js';
import { proportion } from '../util/format.js';
import { mdCodeBlock, mdCodeSpan, mdInline } from './escape.js';
import { CALLOUT } from './markdown.js';

const HEADLINE = {
  OK: 'Not reproduced: the target no longer fails this incident.',
  WARN: 'Not reproduced, but not every replay gave a verdict.',
  BLOCK: 'Reproduced: the target still fails this incident.',
} as const;

const prop = proportion;
const count = (n: number) => n.toLocaleString('en-US');

/** replay.md: the job summary of a replay, verdict first, then root cause, blast radius and the new cases. */
export function renderReplaySummary(r: ReplayFile, o: { reportUrl?: string } = {}): string {
  const rc = r.rootCause;
  const out: string[] = [];
  out.push(`> [!${CALLOUT[r.verdict]}]`);
  out.push(`> **${r.verdict}**: ${HEADLINE[r.verdict]}`);
  for (const x of r.reasons) out.push(`> - **${x.level}** ${mdInline(x.message, 400)}`);
  out.push('');
  out.push(
    `### Incident ${mdCodeSpan(r.incident.id, 80)}: ${mdInline(r.incident.title, 200)}`,
    '',
    `${r.incident.severity} · occurred ${mdInline(r.incident.occurredAt, 40)} · ${Object.entries(
      r.incident.environment,
    )
      .map(([k, v]) => `${mdInline(k, 40)}: ${mdCodeSpan(String(v), 60)}`)
      .join(' · ')}`,
    '',
    `Replayed on **${mdInline(r.target.name, 80)}**${r.target.simulated ? ' (simulated agent)' : ''}: ${mdInline(r.statement, 300)}`,
    '',
  );

  out.push('#### Root cause', '');
  out.push('| | |', '|---|---|');
  out.push(
    `| Category | **${rc.category}** (${rc.labelledBy === 'incident' ? `labelled in the incident; inferred: ${rc.inferredCategory}` : 'inferred'}) |`,
  );
  out.push(`| Mechanism | ${rc.mechanism.replace(/_/g, ' ')} |`);
  out.push(`| Broken rule | ${mdCodeSpan(rc.rule)} (${rc.ruleTaxonomy}, ${rc.ruleSeverity}) |`);
  out.push(`| Failing turn | ${rc.turn} of ${rc.turns}${rc.delayed ? ' (delayed failure)' : ''} |`);
  if (rc.origin)
    out.push(
      `| Cause | ${rc.origin.role === 'tool' ? `result of ${mdCodeSpan(rc.origin.tool ?? 'a tool')}` : `${rc.origin.role} message`} at turn ${rc.origin.turn} (message ${rc.origin.index + 1}): ${mdInline(rc.origin.excerpt, 240)} |`,
    );
  if (rc.leakedFrom)
    out.push(
      `| Leaked from | ${rc.leakedFrom.role === 'system' ? 'the system prompt' : `result of ${mdCodeSpan(rc.leakedFrom.tool ?? 'a tool')}`} at turn ${rc.leakedFrom.turn} |`,
    );
  out.push('');
  for (const s of rc.signals) out.push(`- ${mdInline(s, 300)}`);
  out.push('');

  out.push('#### Replay', '');
  out.push('| Case | Samples | Errors | Failed again |', '|---|---|---|---|');
  for (const c of r.replay)
    out.push(
      `| ${mdCodeSpan(c.id, 80)} (${c.role}) | ${c.samples} | ${c.errors} | ${c.valid ? prop(c.reproduced) : '—'} |`,
    );
  out.push('');

  const b = r.blastRadius;
  out.push('#### Blast radius', '');
  if (!b) {
    out.push('No traffic log given (`--traffic`): the blast radius was not measured.', '');
  } else {
    out.push(
      `${count(b.conversations)} logged conversations in ${mdCodeSpan(b.log, 100)}, graded with ${b.rules.map((x) => mdCodeSpan(x)).join(', ')}.`,
      '',
    );
    out.push('| | Conversations |', '|---|---|');
    if (b.exposed) out.push(`| Met the cause | ${prop(b.exposed)} |`);
    out.push(`| Failed the same rules | **${prop(b.affected)}** |`);
    if (b.affectedWhenExposed)
      out.push(`| Failed, of those that met the cause | ${prop(b.affectedWhenExposed)} |`);
    if (b.exposed) out.push(`| Failed for another cause | ${count(b.affectedUnexposed)} |`);
    out.push(`| Failed at a late turn | ${count(b.delayedAffected)} |`);
    if (b.volume)
      out.push(
        `| Estimated across ${count(b.volume.conversations)} conversations${b.volume.period ? ` (${mdInline(b.volume.period, 60)})` : ''} | **${count(b.volume.affected)}** (95% CI ${count(b.volume.ci[0])}–${count(b.volume.ci[1])}) |`,
      );
    out.push('');
    for (const n of b.notes) out.push(`- ${mdInline(n, 300)}`);
    if (b.notes.length) out.push('');
    if (b.examples.length) {
      out.push('<details><summary>Affected conversations (first ' + b.examples.length + ')</summary>', '');
      out.push('| Conversation | Line | Turn | Rule | Met the cause |', '|---|---|---|---|---|');
      for (const e of b.examples)
        out.push(
          `| ${mdCodeSpan(e.id, 80)} | ${e.line} | ${e.turn} | ${mdCodeSpan(e.rule)} | ${e.exposed === null ? '—' : e.exposed ? 'yes' : 'no'} |`,
        );
      out.push('', '</details>', '');
    }
  }

  out.push('#### New regression cases', '');
  for (const c of r.cases) out.push(`- ${mdCodeSpan(c.id, 100)} (${c.role}): ${mdInline(c.title, 200)}`);
  out.push(
    '',
    `Written to ${mdCodeSpan(r.cases[0]?.file ?? 'cases/')}: review them, copy them into the suite, and the gate will hold every future change to them.` +
      (r.secretsReplaced
        ? ` ${r.secretsReplaced} secret value(s) from the logs were replaced by same-shape fakes.`
        : ''),
    '',
  );
  // Every section is bounded (excerpts, 20 examples, 40 violations), far under GitHub's 65,536 characters.
  const shown = rc.violations.slice(0, 40);
  const evidence = shown.map((v) => `turn ${v.turn} ${v.rule}: ${v.evidence}`).join('\n');
  const more = rc.violations.length - shown.length;
  out.push(
    '<details><summary>Violations as logged</summary>',
    '',
    mdCodeBlock(evidence.slice(0, 20_000) + (more ? `\n(${more} more in replay.json)` : '')),
    '',
    '</details>',
    '',
  );
  if (o.reportUrl) out.push(`[Run and artifact](${encodeURI(o.reportUrl)})`, '');
  return out.join('\n');
}
