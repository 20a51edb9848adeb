import { z } from 'zod';
import { CaseSchema } from '../case/schema.js';
import { SEVERITIES, TAXONOMY } from '../case/taxonomy.js';
import { openObject } from '../input/json.js';
import { ViolationRecordSchema } from '../rule/context.js';
import { ProportionSchema } from '../stats/schema.js';
import { TranscriptEntrySchema } from '../trajectory/schema.js';
import { RunTargetSchema } from '../verdict/schema.js';
import { ALL_TACTICS } from './tactics.js';

/**
 * A stress file (`kind: safety-gate.stress`, `stress --out`, the input of `promote`): the one schema it is written
 * to and read back with, and every type of it is inferred from here. Objects are open (`openObject`): a later
 * version's keys pass. Each failure's `case` is a regression case, checked as strictly as a case file.
 */

export const StrategySchema = z.enum(['thompson', 'uniform']);
export type Strategy = z.infer<typeof StrategySchema>;

export const TacticSchema = z.enum(ALL_TACTICS);

/** A distinct failure: one seed case made to break the same rules, however many rollouts got there. */
export const StressFailureSchema = openObject({
  id: z
    .string()
    .min(1)
    .describe(
      '`stress-<seed case>-<rules>`: stable across searches, so promote does not add the same finding twice',
    ),
  seedCase: z.string(),
  count: z.int().min(1).describe('rollouts that ended in this failure'),
  category: z.enum(TAXONOMY),
  severity: z.enum(SEVERITIES),
  tactics: z.array(TacticSchema),
  firstFailureTurn: z.int().min(1),
  delayed: z.boolean(),
  violations: z.array(ViolationRecordSchema),
  foundAt: z
    .int()
    .min(0)
    .describe(
      'the rollout (0-based) that first found it; the other fields describe the shortest conversation found',
    ),
  reproduced: ProportionSchema.nullable().describe(
    'scripted replays of `case` that failed again; null when not confirmed (--confirm 0)',
  ),
  case: CaseSchema.describe('the failure as a regression case, ready for `promote`'),
  transcript: z.array(TranscriptEntrySchema),
});
export type StressFailure = z.output<typeof StressFailureSchema>;

/** A stress file. Keys in the order the search writes them. */
export const StressFileSchema = openObject({
  kind: z.literal('safety-gate.stress').describe('marks the file as a stress search'),
  schemaVersion: z.literal(1).describe('the format version, 1'),
  createdAt: z.string().describe('when the search finished (ISO 8601)'),
  target: RunTargetSchema.describe('what was attacked'),
  seed: z.string().describe('the seed the search used'),
  strategy: StrategySchema.describe('thompson (adaptive) | uniform (the non-adaptive baseline)'),
  rollouts: z.int().describe('conversations played'),
  maxTurns: z.int().describe('user turns per rollout at most'),
  delayedTurn: z.int().describe('a failure at this turn or later is delayed'),
  seeds: z.array(z.string()).describe('ids of the seed cases attacked'),
  summary: openObject({
    failingRollouts: z
      .int()
      .describe(
        'rollouts that broke a rule; `unique` counts distinct (seed case, rules) findings among them',
      ),
    errors: z.int().describe('rollouts that ended in an error'),
    confirmErrors: z
      .int()
      .describe(
        'confirmation replays that ended in an error: they confirm nothing, and make the search incomplete',
      ),
    unique: z.int(),
    delayed: z.int(),
    calls: z.int(),
  }).describe('failing rollouts, errors, unique and delayed failures, agent calls'),
  tactics: z
    .array(openObject({ tactic: TacticSchema, plays: z.int(), inFailures: z.int() }))
    .describe(
      'per tactic: how often it was played and how often the rollout it was part of ended in a failure',
    ),
  discovery: z
    .array(openObject({ rollouts: z.int(), unique: z.int(), delayed: z.int() }))
    .describe('cumulative unique failures, every few rollouts: how fast the search finds new failures'),
  failures: z
    .array(StressFailureSchema)
    .describe('one per seed case and broken rules, most reproducible first, each with its regression case'),
});
export type StressFile = z.output<typeof StressFileSchema>;
