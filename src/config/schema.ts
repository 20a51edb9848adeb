import { z } from 'zod';
import { PolicyOverrideSchema } from '../policy/schema.js';
import { TargetSchema } from '../target/schema.js';
import { MonitorPolicySchema } from '../monitor/schema.js';

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
  monitor: MonitorPolicySchema.optional().describe(
    'canary and production monitoring (safety-gate monitor): alert thresholds per severity, minimum effect, alpha, drift windows; see docs/monitoring.md',
  ),
  signoff: z
    .strictObject({
      security: z.array(z.string()).default([]),
      board: z.array(z.string()).default([]),
      quorum: z.int().min(1).default(1),
    })
    .optional(),
});

export type ProjectConfig = z.infer<typeof ConfigSchema>;
