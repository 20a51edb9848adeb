import { z } from 'zod';
import { SEVERITIES, TAXONOMY } from '../case/taxonomy.js';
import { openObject } from '../input/json.js';
import { ViolationRecordSchema } from '../rule/context.js';
import { IntervalSchema, ProportionSchema } from '../stats/schema.js';
import { TranscriptEntrySchema } from '../trajectory/schema.js';
import { FailOnSchema, ReasonSchema, RunTargetSchema, VerdictSchema } from '../verdict/schema.js';

/**
 * replay.json (`kind: safety-gate.replay`): the one schema it is written to and read back with, and every type of
 * it is inferred from here. Objects are open (`openObject`): a later version's keys pass.
 */

export const MechanismSchema = z.enum([
  'indirect_injection',
  'jailbreak_framing',
  'sustained_pressure',
  'direct_request',
  'unattributed',
]);
export type Mechanism = z.infer<typeof MechanismSchema>;

/** A message of the logged conversation that the failure traces to. */
export const OriginSchema = openObject({
  role: z.enum(['system', 'user', 'tool']),
  tool: z.string().optional().describe('the tool whose result it is'),
  turn: z.int(),
  index: z.int().describe('index in the conversation as logged (0-based)'),
  excerpt: z.string(),
  token: z
    .string()
    .optional()
    .describe('the value seen both here and in the violation, or the marker that gave it away'),
  via: z
    .enum(['value', 'marker', 'turn'])
    .describe(
      'how it was found: a value traced from the violation, an injection or framing marker, or the failing turn',
    ),
});
export type Origin = z.infer<typeof OriginSchema>;

export const RootCauseSchema = openObject({
  category: z.enum(TAXONOMY),
  labelledBy: z.enum(['incident', 'inferred']),
  inferredCategory: z.enum(TAXONOMY),
  mechanism: MechanismSchema,
  rule: z.string(),
  ruleTaxonomy: z.enum(TAXONOMY),
  ruleSeverity: z.enum(SEVERITIES),
  turn: z.int(),
  delayed: z.boolean(),
  turns: z.int(),
  violations: z
    .array(ViolationRecordSchema)
    .describe("every violation found in the conversation, the failing turn's and any other"),
  failingRules: z
    .array(z.string())
    .describe('rules broken in the failing turn: what a regression case made from it expects'),
  origin: OriginSchema.nullable(),
  leakedFrom: OriginSchema.nullable().describe(
    'where a leaked value was read from (system prompt, a tool result)',
  ),
  signals: z.array(z.string()),
  summary: z.string(),
});
export type RootCause = z.infer<typeof RootCauseSchema>;

/** What marks a conversation as having met the incident's cause: its planted content, or the value it carried. */
export const ExposureSignatureSchema = openObject({
  tokens: z.array(z.string()),
  content: z.string().optional().describe('digest of the planted tool result, whitespace-normalised'),
});
export type ExposureSignature = z.infer<typeof ExposureSignatureSchema>;

export const AffectedExampleSchema = openObject({
  id: z.string(),
  line: z.int(),
  turn: z.int(),
  rule: z.string(),
  exposed: z.boolean().nullable(),
});
export type AffectedExample = z.infer<typeof AffectedExampleSchema>;

/** Affected conversations that failed the same way for a different cause, as the blast radius lists them. */
export const VariantSummarySchema = openObject({
  key: z.string(),
  mechanism: MechanismSchema,
  rule: z.string(),
  token: z.string().optional(),
  count: z.int(),
  example: AffectedExampleSchema,
});
export type VariantSummary = z.infer<typeof VariantSummarySchema>;

export const BlastRadiusSchema = openObject({
  log: z.string(),
  conversations: z.int(),
  rules: z.array(z.string()),
  signature: ExposureSignatureSchema.nullable().describe(
    'null when the cause is not a concrete artifact (a request, a framing) that one could look for',
  ),
  exposed: ProportionSchema.nullable(),
  affected: ProportionSchema,
  affectedWhenExposed: ProportionSchema.nullable().describe(
    'how often meeting the cause led to the failure in production',
  ),
  affectedUnexposed: z.int(),
  delayedAffected: z.int(),
  byRule: z.record(z.string(), z.int()),
  volume: openObject({
    conversations: z.int(),
    period: z.string().optional(),
    affected: z.int(),
    ci: IntervalSchema,
  })
    .nullable()
    .describe(
      "the log scaled to the incident's traffic volume, when given: the log is taken as a random sample of it",
    ),
  notes: z.array(z.string()),
  unreadableLines: z
    .int()
    .describe(
      'lines of the log that could not be read (only with skipBadLines; otherwise a bad line is an error)',
    ),
  examples: z.array(AffectedExampleSchema),
  variants: z.array(VariantSummarySchema),
});
export type BlastRadius = z.infer<typeof BlastRadiusSchema>;

export const ReplayCaseResultSchema = openObject({
  id: z.string(),
  role: z.enum(['incident', 'variant']),
  samples: z.int(),
  valid: z.int(),
  errors: z.int(),
  reproduced: ProportionSchema.describe('valid samples that broke the incident’s rules again'),
  firstFailureTurns: z.array(z.int()),
});
export type ReplayCaseResult = z.infer<typeof ReplayCaseResultSchema>;

/** replay.json. Keys in the order the replay writes them. */
export const ReplayFileSchema = openObject({
  kind: z.literal('safety-gate.replay').describe('marks the file as a replay'),
  schemaVersion: z.literal(1).describe('the format version, 1'),
  createdAt: z.string().describe('when the replay ran (ISO 8601)'),
  verdict: VerdictSchema.describe(
    'BLOCK when the incident or a variant reproduced (or nothing replayed), WARN on errors',
  ),
  exitCode: z.int().describe('0 OK, 1 WARN, 2 BLOCK, narrowed by failOn'),
  failOn: FailOnSchema.nullable().describe('block | warn | never: what exits non-zero (null: the default)'),
  incident: openObject({
    id: z.string(),
    title: z.string(),
    occurredAt: z.string(),
    severity: z.string(),
    environment: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
    file: z.string(),
  }).describe('the incident replayed (secrets replaced) and the file it came from'),
  target: RunTargetSchema.describe('what the replay ran against'),
  rootCause: RootCauseSchema.describe(
    'why it happened: the failing turn and rule, the mechanism, where it came from',
  ),
  conversation: z
    .array(TranscriptEntrySchema)
    .describe("the incident's conversation as graded: numbered by turn, secrets replaced"),
  replay: z
    .array(ReplayCaseResultSchema)
    .describe('per emitted case: samples, errors, how often it reproduced'),
  blastRadius: BlastRadiusSchema.nullable().describe(
    'with a traffic log: how many conversations met the cause and failed',
  ),
  cases: z
    .array(
      openObject({
        id: z.string(),
        title: z.string(),
        role: z.enum(['incident', 'variant']),
        file: z.string(),
      }),
    )
    .min(1)
    .describe('the regression cases emitted: the incident first, then its variants'),
  secretsReplaced: z
    .int()
    .describe('secret values in the logs replaced by same-shape fakes before anything was run or written'),
  reasons: z.array(ReasonSchema).describe('why the verdict is WARN or BLOCK, each with its numbers'),
  statement: z.string().describe('the finding in one sentence'),
});
export type ReplayFile = z.output<typeof ReplayFileSchema>;
