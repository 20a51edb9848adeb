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
  patterns: z.array(Regex).optional().describe('refusal markers replacing the built-in ones'),
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
]);

export const RulePackSchema = z.strictObject({
  rules: z.array(RuleSchema).describe('rules: each has id, kind, taxonomy, severity and description'),
});

export type Rule = z.infer<typeof RuleSchema>;
export type LeakDetector = (typeof LEAK_DETECTORS)[number];
