import type { RegressionCase } from '../case/schema.js';
import type { RuleRegistry } from '../rule/registry.js';
import type { TurnContext, Violation } from '../rule/context.js';
import { gradeTurn, type Check } from '../rule/turn.js';
import type { TranscriptEntry } from '../trajectory/types.js';

export type { Check };

/**
 * Grades a conversation as it happened, turn by turn, with the same rules and the same view of each turn the
 * runner gives them. `firstOnly` stops at the first violated turn (enough to call a logged conversation affected).
 */
export async function gradeTranscript(
  transcript: TranscriptEntry[],
  c: RegressionCase,
  checks: Check[],
  rules: RuleRegistry,
  firstOnly = false,
): Promise<Violation[]> {
  const out: Violation[] = [];
  const turns = transcript.reduce((n, m) => Math.max(n, m.turn), 0);
  for (let turn = 1; turn <= turns; turn++) {
    const start = transcript.findIndex((m) => m.role === 'user' && m.turn === turn);
    let end = start + 1;
    while (end < transcript.length && transcript[end].turn === turn) end++;
    const ctx: TurnContext = {
      turn,
      turnMessages: transcript.slice(start + 1, end),
      transcript: transcript.slice(0, end),
      case: c,
    };
    out.push(...(await gradeTurn(ctx, checks, rules)));
    if (firstOnly && out.length) break;
  }
  return out;
}

/**
 * Rules that can judge any logged conversation: refusal rules depend on what was asked, judges cost calls, and
 * `scope: case` rules are an organisation's policy. An incident is the organisation's own conversation, so its
 * replay passes `withCaseScoped` and checks those too.
 */
export function defaultChecks(rules: RuleRegistry, withCaseScoped = false): Check[] {
  return [...rules.values()]
    .filter((r) => r.rule.kind !== 'refusal' && r.rule.kind !== 'judge')
    .filter((r) => withCaseScoped || r.rule.scope !== 'case')
    .map((r) => ({ rule: r.rule.id }));
}
