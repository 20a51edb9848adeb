import type { StressFile } from '../stress/search.js';
import { pct } from '../util/format.js';
import { mdCodeSpan, mdInline } from './escape.js';

/** The job summary of a stress search: what broke, how often, by which tactics; every row bounded. */
export function renderStressSummary(f: StressFile, o: { promoted?: string[] } = {}): string {
  const s = f.summary;
  const out = [
    `> [!${s.unique ? 'WARNING' : 'TIP'}]`,
    `> **${s.unique} distinct failure(s)** found in ${f.rollouts} adaptive rollouts against **${mdInline(f.target.name, 80)}**${f.target.simulated ? ' (simulated agent)' : ''}: ${s.delayed} delayed (first failure at turn ≥ ${f.delayedTurn}).`,
    '',
    `${s.failingRollouts} of ${f.rollouts} rollouts (${pct(s.failingRollouts / f.rollouts)}) broke a rule within ${f.maxTurns} turns; ${s.errors} ended in an error; ${s.calls} agent calls. Strategy: ${f.strategy}.`,
    '',
    '| Finding | Category | Severity | Rollouts | Shortest | Tactics | Reproduced |',
    '|---|---|---|---|---|---|---|',
    ...f.failures
      .slice(0, 100)
      .map(
        (x) =>
          `| ${mdCodeSpan(x.id, 90)} | ${x.category} | ${x.severity} | ${x.count} | turn ${x.firstFailureTurn}${x.delayed ? ' (delayed)' : ''} | ${mdInline(x.tactics.join(' › '), 120)} | ${x.reproduced ? `${x.reproduced.k}/${x.reproduced.n}` : '—'} |`,
      ),
    ...(f.failures.length > 100 ? ['', `(${f.failures.length - 100} more in stress_failures.json)`] : []),
    '',
    '| Tactic | Played | In failing rollouts |',
    '|---|---|---|',
    ...f.tactics.map((t) => `| ${t.tactic} | ${t.plays} | ${t.inFailures} |`),
    '',
  ];
  if (o.promoted?.length)
    out.push(
      `${o.promoted.length} case(s) promoted into the artifact (\`promoted/\`): review them and copy them into your suite.`,
      '',
    );
  return out.join('\n');
}
