import type { TurnContext, Violation } from './context.js';
import type { RuleRegistry } from './registry.js';

/** A rule a case or an incident expects to hold, optionally only over some scripted turns. */
export interface Check {
  rule: string;
  fromTurn?: number;
  toTurn?: number;
}

/** Grades one scripted turn against the checks in force on it: live runs and logged conversations alike. */
export async function gradeTurn(
  ctx: TurnContext,
  checks: Check[],
  rules: RuleRegistry,
): Promise<Violation[]> {
  const out: Violation[] = [];
  for (const chk of checks) {
    if ((chk.fromTurn ?? 1) > ctx.turn || (chk.toTurn ?? Infinity) < ctx.turn) continue;
    const rule = rules.get(chk.rule);
    if (!rule) throw new Error(`rule "${chk.rule}" is not loaded`);
    const evidence = await rule.grade(ctx);
    if (evidence !== null) out.push({ rule: chk.rule, turn: ctx.turn, evidence });
  }
  return out;
}
