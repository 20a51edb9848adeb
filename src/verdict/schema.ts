import { z } from 'zod';
import { SEVERITIES } from '../case/taxonomy.js';
import { openObject } from '../input/json.js';
import {
  AppliedPolicySchema,
  ClearedBySchema,
  RejectedSignoffSchema,
  SignoffSchema,
} from '../policy/schema.js';
import { ReleaseCriteriaSchema, TrendPointSchema } from '../release/schema.js';
import { ResultsSchema } from '../results/schema.js';
import { ViolationRecordSchema } from '../rule/context.js';
import { IntervalSchema, PowerSchema } from '../stats/schema.js';

/**
 * gate.json (`kind: safety-gate.gate`): the one schema it is written to and read back with, and every type of it
 * is inferred from here. Objects are open (`openObject`): a later version's keys pass and survive a re-write.
 */

export const VerdictSchema = z.enum(['OK', 'WARN', 'BLOCK']);
export type Verdict = z.infer<typeof VerdictSchema>;

export const FailOnSchema = z.enum(['block', 'warn', 'never']);
export type FailOn = z.infer<typeof FailOnSchema>;

/** What a run was of: its name, git ref, behaviour fingerprint (the results file's `target`). */
export const RunTargetSchema = ResultsSchema.shape.target.unwrap();

const values = z.record(z.string(), z.unknown()).describe('the numbers behind the message');

/** Why a gate is WARN or BLOCK, with the numbers and the cases behind it. */
export const ReasonSchema = openObject({
  code: z.string(),
  level: z.enum(['WARN', 'BLOCK']),
  message: z.string(),
  values,
});
export type Reason = z.infer<typeof ReasonSchema>;

/** What informs a reviewer but decides nothing (SPEC §6.3 `notes[]`). */
export const NoteSchema = openObject({ code: z.string(), message: z.string(), values });
export type Note = z.infer<typeof NoteSchema>;

export const SideSummarySchema = openObject({
  passRate: z.number(),
  delayedFailureRate: z.number(),
  cases: z.int().describe('cases with at least one sample that produced a verdict'),
  samples: z.int(),
  errors: z.int(),
  errorRate: z.number(),
  failureCurve: z
    .array(z.number())
    .describe('failureCurve[t-1] = share of valid samples that have failed by turn t'),
  failureRateBySeverity: z
    .record(z.string(), z.number())
    .describe('share of valid samples failing, per severity'),
  failuresBySeverity: z
    .record(z.string(), openObject({ failures: z.int(), samples: z.int() }))
    .describe(
      'failing and valid samples per severity, for the Clopper–Pearson bound of the severity budgets',
    ),
  flakyCases: z
    .int()
    .describe('cases with at least two valid samples that both passed and failed (flaky on this side)'),
});
export type SideSummary = z.infer<typeof SideSummarySchema>;

/** One side of gate.json: what ran, and its summary. */
export const GateSideSchema = openObject({ target: RunTargetSchema, ...SideSummarySchema.shape });

export const CategoryStatsSchema = openObject({
  name: z.string(),
  cases: z.int(),
  baseline: z.number(),
  candidate: z.number(),
  delta: z.number(),
  ci: IntervalSchema,
  pValue: z.number(),
  pAdjusted: z.number(),
  test: z.literal('stratified-exact'),
});
export type CategoryStats = z.infer<typeof CategoryStatsSchema>;

export const CaseStatusSchema = z.enum(['regressed', 'fixed', 'suspect', 'unchanged', 'new', 'removed']);
export type CaseStatus = z.infer<typeof CaseStatusSchema>;

export const CaseSideStatsSchema = openObject({
  passes: z.int(),
  valid: z.int(),
  errors: z.int(),
  passRate: z.number().nullable(),
  firstFailureTurns: z.array(z.int()),
  flipRate: z
    .number()
    .nullable()
    .describe(
      'share of pairs of valid samples that disagree: 0 for a stable case, up to about 0.5 for a coin flip; null with fewer than two',
    ),
  passAllK: z
    .number()
    .nullable()
    .describe(
      'pass^k for k = the valid samples: the estimated chance that k fresh runs all pass; null below k = 2',
    ),
});
export type CaseSideStats = z.infer<typeof CaseSideStatsSchema>;

export const FailureExampleSchema = openObject({
  sample: z.int(),
  firstFailureTurn: z.int().nullable(),
  violations: z.array(ViolationRecordSchema),
  transcript: z.array(z.record(z.string(), z.unknown())),
});
export type FailureExample = z.infer<typeof FailureExampleSchema>;

export const CaseStatsSchema = openObject({
  id: z.string(),
  title: z.string().optional(),
  category: z.string(),
  severity: z.enum(SEVERITIES),
  file: z.string().optional(),
  line: z.int().optional(),
  baseline: CaseSideStatsSchema.nullable(),
  candidate: CaseSideStatsSchema.nullable(),
  pValue: z.number().nullable().describe('one-sided Fisher exact p (H1: the candidate fails more often)'),
  pAdjusted: z
    .number()
    .nullable()
    .describe("Holm-adjusted within the case's severity class: what decides its status (SPEC §6.2)"),
  pAdjustedBH: z
    .number()
    .nullable()
    .describe(
      'Benjamini–Hochberg-adjusted across all compared cases: for reading the table, never for a decision',
    ),
  status: CaseStatusSchema,
  compared: z
    .boolean()
    .describe('false when one side has no valid sample (only errors): nothing could be compared'),
  changed: openObject({ severity: z.string().optional(), category: z.string().optional() })
    .optional()
    .describe(
      "severity or category the candidate's results gave, when they differ from the baseline's (which rules)",
    ),
  example: FailureExampleSchema.optional().describe(
    'the first failing candidate sample of any case the candidate failed at least once, for the transcripts',
  ),
});
export type CaseStats = z.infer<typeof CaseStatsSchema>;

/** How a sequential run stopped (SPEC §6.2), as the run use case reports it. */
export const SequentialRecordSchema = openObject({
  rounds: z.int(),
  maxRounds: z.int(),
  stoppedFor: z.enum(['block', 'futility', 'max']),
  calls: z.int(),
  fixedCalls: z.int(),
  saved: z.number().describe('1 − calls / fixedCalls'),
  blockThreshold: z
    .number()
    .describe(
      "the overall BLOCK test's p threshold at the deciding round: the O'Brien–Fleming boundary's nominal level",
    ),
});
export type SequentialRecord = z.infer<typeof SequentialRecordSchema>;

/** An OK gate picked for a human review: OK is the fast path, but a share of it is still looked at. */
export const ReviewSampleSchema = openObject({
  sampled: z.literal(true),
  rate: z.number(),
  draw: z
    .number()
    .describe(
      'the draw in [0, 1) that fell under `rate`: sha256 of the head commit, so every re-run picks the same gates',
    ),
  headSha: z.string(),
  requiresSignoff: z.boolean(),
});
export type ReviewSample = z.infer<typeof ReviewSampleSchema>;

const CountSchema = openObject({ passes: z.int().min(0), valid: z.int().min(0) });

/** Fresh samples of one suspect case on both sides (run mode), kept so a re-judged gate decides the same way. */
export const ConfirmationSchema = openObject({
  id: z.string(),
  baseline: CountSchema,
  candidate: CountSchema,
});

/** The sha256 of the two results files as written beside gate.json, and the suspects' confirmation samples. */
export const StoredResultsSchema = openObject({
  baselineSha256: z.string(),
  candidateSha256: z.string(),
  confirmations: z.array(ConfirmationSchema).optional(),
});
export type StoredResults = z.output<typeof StoredResultsSchema>;

/**
 * gate.json. Keys in the order the gate writes them (release, trend and review are added in that order after it
 * ran), so a file read back and written again is the same bytes.
 */
export const GateFileSchema = openObject({
  kind: z.literal('safety-gate.gate').describe('marks the file as a gate'),
  schemaVersion: z.literal(1).describe('the format version, 1'),
  createdAt: z.string().describe('when the gate ran (ISO 8601)'),
  verdict: VerdictSchema.describe('OK | WARN | BLOCK: the worst level of the reasons'),
  exitCode: z.int().describe('0 OK (or cleared), 1 WARN, 2 BLOCK, narrowed by failOn'),
  failOn: FailOnSchema.nullable().describe('block | warn | never: what exits non-zero (null: the default)'),
  baseline: GateSideSchema.describe(
    'what the base ran, and its pass rate, delayed failures, errors, failure curve',
  ),
  candidate: GateSideSchema.describe(
    'what the head ran, and its pass rate, delayed failures, errors, failure curve',
  ),
  delta: z.number().describe('mean over cases of candidate − baseline pass fraction: negative is worse'),
  ci: IntervalSchema.describe('95% interval of delta'),
  pValue: z.number().describe('exact one-sided p of the overall drop (stratified exact test)'),
  test: z.literal('stratified-exact').describe('the overall test'),
  alpha: z.number().describe('the BLOCK budget (alphaBlock)'),
  // Written since the two error budgets (issue 12): absent from older gate files.
  alphaWarn: z.number().optional().describe('the WARN budget (alphaWarn); absent from older gate files'),
  mde: z.number().describe('minimum detectable effect: the smallest drop the overall BLOCK rule detects'),
  power: PowerSchema.describe("the MDE's parts, from the baseline alone"),
  compared: z.int().describe('cases with a valid sample on both sides'),
  delayed: openObject({
    baseline: z.number(),
    candidate: z.number(),
    delta: z.number(),
    ci: IntervalSchema,
    pValue: z.number(),
    test: z.string(),
  }).describe('delayed failures (at policy.delayedTurn or later) on each side, and their test'),
  categories: z.array(CategoryStatsSchema).describe('per category: pass rates, delta, p (Holm-adjusted)'),
  cases: z.array(CaseStatsSchema).describe('per case: counts on each side, p, status'),
  reasons: z.array(ReasonSchema).describe('why the verdict is WARN or BLOCK, each with its numbers'),
  // Written since the two error budgets (issue 12): absent from older gate files.
  notes: z
    .array(NoteSchema)
    .default([])
    .describe(
      'what informs but does not decide (underpowered suite, suspects in files mode, failures moved later)',
    ),
  sequential: SequentialRecordSchema.optional().describe(
    'run mode with sequential sampling: the round that decided and the calls saved',
  ),
  signoffs: z.array(SignoffSchema).describe('sign-offs that count'),
  // Written by later versions: absent from older gate files.
  rejectedSignoffs: z
    .array(RejectedSignoffSchema)
    .default([])
    .describe('sign-off requests that did not count, and why: part of the audit trail'),
  clearedBy: ClearedBySchema.default(null).describe(
    'security | board: who cleared a WARN or BLOCK for merging; the verdict itself stands',
  ),
  policy: AppliedPolicySchema.describe('the applied policy, its sources and hash'),
  release: ReleaseCriteriaSchema.optional().describe(
    'release mode: the release criteria (checklists) and how their signatures were checked',
  ),
  trend: z
    .array(TrendPointSchema)
    .optional()
    .describe('past gates (--history), oldest first: the trend in report.html and release-notes.md'),
  review: ReviewSampleSchema.optional().describe(
    'an OK gate picked for a human review (policy.reviewSampleRate)',
  ),
  stored: StoredResultsSchema.optional().describe(
    'what a later sign-off needs to re-judge this gate from its artifact instead of running the agents again',
  ),
});
export type GateFile = z.output<typeof GateFileSchema>;
