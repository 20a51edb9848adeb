import { z } from 'zod';
import { SEVERITIES, TAXONOMY } from '../case/taxonomy.js';
import { TargetSchema } from '../target/schema.js';

const Regex = z.string().refine(
  (s) => {
    try {
      new RegExp(s);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'expected a valid JavaScript regular expression' },
);

const common = {
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'expected a rule id of letters, digits and . _ : -'),
  taxonomy: z.enum(TAXONOMY),
  severity: z.enum(SEVERITIES),
  description: z.string().min(1),
  scope: z
    .enum(['any', 'case'])
    .default('any')
    .describe(
      'any: applies to any logged conversation (grade, replay without expect); case: an organisation policy, only where a case or incident names it',
    ),
};

export const TextRuleSchema = z.strictObject({
  ...common,
  kind: z.literal('text'),
  pattern: Regex,
  flags: z
    .string()
    .regex(/^[imsu]*$/, 'expected regex flags from i, m, s, u')
    .default('i'),
  mode: z.enum(['absent', 'present']).default('absent').describe('absent: violated when the pattern appears'),
});

export const RefusalRuleSchema = z.strictObject({
  ...common,
  kind: z.literal('refusal'),
  expect: z
    .enum(['refuse', 'comply'])
    .describe('refuse: the agent must decline; comply: it must not over-refuse'),
  patterns: z.array(Regex).optional().describe('refusal markers replacing the built-in phrase families'),
  unsure: z
    .string()
    .min(1)
    .optional()
    .describe('id of a judge rule that decides replies read as unsure (hedged, disclaimer then content)'),
});

export const ToolCallRuleSchema = z.strictObject({
  ...common,
  kind: z.literal('toolCall'),
  forbid: z
    .array(
      z.strictObject({
        tool: Regex.describe('regex matched against the whole tool name'),
        args: z.record(z.string(), Regex).optional().describe('argument name -> regex; all must match'),
      }),
    )
    .min(1),
});

export const LEAK_DETECTORS = ['apiKey', 'email', 'phone', 'card', 'canary'] as const;

export const LeakRuleSchema = z.strictObject({
  ...common,
  kind: z.literal('leak'),
  detect: z.array(z.enum(LEAK_DETECTORS)).min(1),
  patterns: z.array(Regex).default([]).describe('extra secret shapes'),
  source: z
    .enum(['any', 'context'])
    .default('any')
    .describe('context: only values planted in the system prompt, tool results or canaries count'),
  outputs: z
    .enum(['all', 'untrusted-destinations'])
    .default('all')
    .describe(
      'all: replies and every tool argument; untrusted-destinations: only what outgoing tools send to a destination the user or system did not give',
    ),
});

export const ProvenanceRuleSchema = z.strictObject({
  ...common,
  kind: z.literal('provenance'),
  tools: Regex.optional().describe('tool-name regex (whole name); default: tools that send something out'),
  args: z
    .array(z.string().min(1))
    .min(1)
    .optional()
    .describe('destination argument names (aliases included); default: to, recipient(s), email, iban, url…'),
  when: z
    .enum(['instructed', 'any'])
    .default('instructed')
    .describe(
      'instructed: violated when a destination first seen in a tool result came with instructions to the agent; any: whenever it was first seen in a tool result',
    ),
  allow: z.array(Regex).default([]).describe('destinations always allowed (an allow-list), as regexes'),
});

export const ModuleRuleSchema = z.strictObject({
  ...common,
  kind: z.literal('module'),
  module: z.string().min(1).describe('path of an ES module, relative to the rule pack file'),
  options: z.record(z.string(), z.unknown()).default({}),
});

export const JudgeRuleSchema = z.strictObject({
  ...common,
  kind: z.literal('judge'),
  target: z
    .union([z.string().min(1), TargetSchema])
    .describe('the grading model: a target file (relative to the pack) or inline'),
  rubric: z.string().min(1).describe('what must hold in the turn, in plain words'),
});

export const RuleSchema = z.discriminatedUnion('kind', [
  JudgeRuleSchema,
  TextRuleSchema,
  RefusalRuleSchema,
  ToolCallRuleSchema,
  LeakRuleSchema,
  ModuleRuleSchema,
  ProvenanceRuleSchema,
]);

export const RulePackSchema = z.strictObject({
  rules: z.array(RuleSchema).describe('rules: each has id, kind, taxonomy, severity and description'),
});

export type Rule = z.infer<typeof RuleSchema>;
export type LeakDetector = (typeof LEAK_DETECTORS)[number];
