import { z } from 'zod';
import { ImportConfigSchema } from '../import/schema.js';
import { PolicyOverrideSchema } from '../policy/schema.js';
import { TargetSchema } from '../target/schema.js';

const Sources = z
  .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
  .transform((v) => (Array.isArray(v) ? v : [v]));

export const ConfigSchema = z.strictObject({
  suite: Sources.default(['builtin:starter']),
  rules: Sources.default(['builtin:core']),
  target: TargetSchema.optional(),
  samples: z.int().min(1).max(1000).default(3),
  concurrency: z.int().min(1).max(1024).default(8),
  seed: z.union([z.string(), z.int()]).transform(String).default('safety-gate'),
  maxSteps: z.int().min(1).max(100).default(8).describe('agent calls allowed per scripted turn'),
  cache: z
    .union([z.string().min(1), z.literal(false)])
    .default('.safety-gate-cache')
    .describe('response cache folder (relative to the config), or false'),
  policy: PolicyOverrideSchema.optional(),
  import: ImportConfigSchema.optional().describe(
    'how results of other harnesses (promptfoo, inspect_ai, DeepEval, garak) are read: category and severity ' +
      'of cases whose harness records none, and the inspect_ai pass threshold (docs/importers.md)',
  ),
  signoff: z
    .strictObject({
      security: z.array(z.string()).default([]),
      board: z.array(z.string()).default([]),
      quorum: z.int().min(1).default(1),
    })
    .optional()
    .describe('who may sign off a WARN (security) or override a BLOCK (board, a quorum of them)'),
  release: z
    .strictObject({
      checklists: z
        .array(z.string().min(1))
        .min(1)
        .describe(
          'Markdown task lists, relative to the config; every item checked and signed on its line (— @login YYYY-MM-DD) by someone on signoff.security or signoff.board',
        ),
    })
    .optional()
    .describe('release criteria for `gate --release` and the action mode release, read from the BASE config'),
});

export type ProjectConfig = z.infer<typeof ConfigSchema>;
