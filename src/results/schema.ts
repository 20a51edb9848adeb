import { z } from 'zod';
import { SEVERITIES } from '../case/taxonomy.js';

export const ViolationSchema = z.strictObject({
  rule: z.string(),
  turn: z.int().min(1),
  evidence: z.string(),
});

export const SampleSchema = z
  .strictObject({
    passed: z.boolean(),
    // Bounded: a results file is input, and a turn number sizes arrays in the statistics.
    firstFailureTurn: z.int().min(1).max(10_000).nullable(),
    turns: z.int().min(0).max(10_000).optional(),
    // Any error is an error: an empty message must not read as "no error" (and so as a pass).
    error: z
      .string()
      .nullable()
      .optional()
      .transform((e) => (e === '' ? 'error (the results file gave an empty message)' : e)),
    violations: z.array(ViolationSchema).optional(),
    transcript: z.array(z.looseObject({ role: z.string() })).optional(),
    calls: z.int().min(0).optional(),
  })
  .superRefine((s, ctx) => {
    if (s.passed && s.error)
      ctx.addIssue({ code: 'custom', path: ['passed'], message: 'a sample with an error cannot pass' });
    if (s.passed && s.firstFailureTurn !== null)
      ctx.addIssue({
        code: 'custom',
        path: ['firstFailureTurn'],
        message: 'expected null for a passing sample',
      });
    if (!s.passed && !s.error && s.firstFailureTurn === null)
      ctx.addIssue({
        code: 'custom',
        path: ['firstFailureTurn'],
        message: 'expected the turn (>= 1) of a failing sample',
      });
  });

export const CaseResultSchema = z.strictObject({
  id: z.string().min(1),
  title: z.string().optional(),
  category: z.string().min(1),
  severity: z.enum(SEVERITIES),
  tags: z.array(z.string()).optional(),
  file: z.string().optional(),
  line: z.int().optional(),
  samples: z.array(SampleSchema),
});

/**
 * SPEC §3.4: only the cases' id, category, severity and samples' passed / firstFailureTurn are required, so other
 * harnesses can write the file; `kind`, `schemaVersion` and `target` take these defaults when left out.
 */
export const ResultsSchema = z.strictObject({
  kind: z
    .literal('safety-gate.results')
    .default('safety-gate.results')
    .describe('optional: marks the file as safety-gate results'),
  schemaVersion: z.literal(1).default(1).describe('optional: the format version, 1'),
  target: z
    .looseObject({
      name: z.string(),
      ref: z.string().nullable().optional(),
      fingerprint: z.string().optional(),
      simulated: z.boolean().optional(),
    })
    .default({ name: 'results' })
    .describe('what ran: name, git ref, fingerprint of its behaviour (default: named after the file)'),
  seed: z.string().optional().describe('the seed the run used'),
  createdAt: z.string().optional().describe('when the run finished (ISO 8601)'),
  shard: z.string().optional().describe('k/n when this is one slice of the suite (join with merge)'),
  cases: z.array(CaseResultSchema).describe('one entry per case, with its samples'),
});

export type SampleResult = z.infer<typeof SampleSchema>;
export type CaseResult = z.infer<typeof CaseResultSchema>;
export type ResultsFile = z.infer<typeof ResultsSchema>;
