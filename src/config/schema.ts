import { z } from 'zod';
import { ImportConfigSchema } from '../import/schema.js';
import { PolicyOverrideSchema } from '../policy/schema.js';
import { TargetSchema } from '../target/schema.js';
import { MonitorPolicySchema } from '../monitor/schema.js';

const Sources = z
  .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
  .transform((v) => (Array.isArray(v) ? v : [v]));

export const ConfigSchema = z.strictObject({
  suite: Sources.default(['builtin:starter']).describe(
    'case files, folders, globs or builtin:NAME suites (relative to the config); default builtin:starter',
  ),
  rules: Sources.default(['builtin:core']).describe(
    'rule packs: files, folders, globs or builtin:NAME (read from the BASE ref in a PR); default builtin:core',
  ),
  target: TargetSchema.optional().describe(
    "the agent under test: sim, openai, anthropic, command, http or recorded (read from each side's own checkout)",
  ),
  samples: z.int().min(1).max(1000).default(3).describe('runs per case per side'),
  concurrency: z.int().min(1).max(1024).default(8).describe('conversations in flight'),
  seed: z
    .union([z.string(), z.int()])
    .transform(String)
    .default('safety-gate')
    .describe('seeds the simulated agents and keys the response cache; the same on both sides'),
  maxSteps: z.int().min(1).max(100).default(8).describe('agent calls allowed per scripted turn'),
  cache: z
    .union([z.string().min(1), z.literal(false)])
    .optional()
    .describe(
      "response cache folder (relative to the config), or false; default: the user's cache folder, outside any checkout",
    ),
  policy: PolicyOverrideSchema.optional().describe(
    'failure budget overrides (docs/failure_budget.md); read from the BASE ref in a PR',
  ),
  import: ImportConfigSchema.optional().describe(
    'how results of other harnesses (promptfoo, inspect_ai, DeepEval, garak) are read: category and severity ' +
      'of cases whose harness records none, and the inspect_ai pass threshold (docs/importers.md)',
  ),
  monitor: MonitorPolicySchema.optional().describe(
    'canary and production monitoring (safety-gate monitor): alert thresholds per severity, minimum effect, alpha, drift windows; see docs/monitoring.md',
  ),
  signoff: z
    .strictObject({
      security: z.array(z.string()).default([]),
      board: z.array(z.string()).default([]),
      quorum: z.int().min(1).default(1),
    })
    .optional()
    .describe(
      'who may sign off a WARN (security) or override a BLOCK (board, with quorum); read from the BASE ref',
    ),
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
