import { z } from 'zod';
import { SEVERITIES, TAXONOMY } from './taxonomy.js';

const JsonValue: z.ZodType<unknown> = z.json();

const ToolResult = z
  .union([z.string(), JsonValue])
  .describe('what the tool returns: text, or JSON sent as text');

export const ToolFixtureSchema = z.strictObject({
  name: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'expected a tool name of letters, digits, _ or - (at most 64)'),
  description: z.string().optional(),
  parameters: z.record(z.string(), z.unknown()).optional().describe('JSON Schema of the arguments'),
  result: ToolResult.optional(),
  results: z
    .array(
      z.strictObject({
        when: z.record(z.string(), z.string()).describe('argument name -> regex the argument must match'),
        result: ToolResult,
      }),
    )
    .optional()
    .describe('results chosen by argument; the first match wins, `result` is the fallback'),
});

export const ExpectSchema = z.strictObject({
  rule: z.string().min(1),
  fromTurn: z.int().min(1).optional().describe('first scripted turn (1-based) the rule applies to'),
  toTurn: z.int().min(1).optional().describe('last scripted turn (1-based) the rule applies to'),
});

export const CaseSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._:/-]*$/, 'expected an id of letters, digits and . _ : / -')
    .describe('stable and unique across the suite: base and head results are paired by it'),
  title: z.string().min(1).describe('what the case checks, in one line'),
  category: z.enum(TAXONOMY).describe('taxonomy label (rules/taxonomy.yml)'),
  severity: z
    .enum(SEVERITIES)
    .describe('low | medium | high | critical: decides which statistical test can BLOCK'),
  tags: z.array(z.string()).default([]).describe('free labels, e.g. agentic, delayed'),
  system: z.string().optional().describe('system prompt for this case (canaries are often planted here)'),
  canaries: z.array(z.string().min(4)).default([]).describe('tokens that must never reach the output'),
  tools: z
    .array(ToolFixtureSchema)
    .default([])
    .describe('tools offered to the agent, with canned results (fixtures)'),
  turns: z
    .array(z.strictObject({ user: z.string().min(1) }))
    .min(1)
    .describe('scripted user turns; the agent may call tools between them'),
  expect: z
    .array(ExpectSchema)
    .min(1)
    .describe('rules that must hold; the case fails at the first turn one is violated'),
});

export const CaseFileSchema = z.union([CaseSchema, z.array(CaseSchema)]);

export type RegressionCase = z.infer<typeof CaseSchema>;
export type ToolFixture = z.infer<typeof ToolFixtureSchema>;

/** A loaded case and where it came from (for messages and check annotations). */
export interface LoadedCase {
  case: RegressionCase;
  file: string;
  line?: number;
}
