import { z } from 'zod';
import { SEVERITIES } from '../case/taxonomy.js';

/**
 * One mapping rule: the first rule whose patterns all match a case gives its value. Patterns are globs (`*`, `?`)
 * matched against the whole case id, a plugin (promptfoo `metadata.pluginId`, garak probe, inspect_ai task) or a
 * scorer (inspect_ai scorer, DeepEval metric, garak detector, promptfoo assertion metric or type).
 */
const Rule = <T extends z.ZodType>(value: T) =>
  z
    .strictObject({
      id: z.string().min(1).optional().describe('glob on the imported case id, e.g. "exfil-*"'),
      plugin: z
        .string()
        .min(1)
        .optional()
        .describe('glob on a plugin: promptfoo metadata.pluginId, garak probe, inspect_ai task'),
      scorer: z
        .string()
        .min(1)
        .optional()
        .describe('glob on a scorer: inspect_ai scorer, DeepEval metric, garak detector, promptfoo metric'),
      value: value,
    })
    .refine((r) => r.id !== undefined || r.plugin !== undefined || r.scorer !== undefined, {
      message: 'expected at least one of id, plugin or scorer',
    });

export const ImportConfigSchema = z.strictObject({
  category: z
    .array(Rule(z.string().min(1).describe('the category given to matching cases')))
    .default([])
    .describe('category of imported cases whose harness records none; first matching rule wins'),
  severity: z
    .array(Rule(z.enum(SEVERITIES).describe('the severity given to matching cases')))
    .default([])
    .describe('severity of imported cases whose harness records none; first matching rule wins'),
  defaultCategory: z
    .string()
    .min(1)
    .default('uncategorized')
    .describe('category when neither the harness nor a rule gives one'),
  defaultSeverity: z
    .enum(SEVERITIES)
    .default('medium')
    .describe('severity when neither the harness nor a rule gives one'),
  passThreshold: z
    .number()
    .default(1)
    .describe(
      'inspect_ai: a score passes at or above this value (C = 1, P = 0.5, I = N = 0, true = 1, numbers as is)',
    ),
});

export type ImportConfig = z.infer<typeof ImportConfigSchema>;
export type ImportRule = ImportConfig['category'][number];

export const DEFAULT_IMPORT: ImportConfig = ImportConfigSchema.parse({});
