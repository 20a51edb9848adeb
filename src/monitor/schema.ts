import { z } from 'zod';
import { TAXONOMY } from '../case/taxonomy.js';
import { ConversationSchema } from '../incident/schema.js';

const Rate = z.number().min(0).max(1);

/** "90s", "15m", "1h", "1d" (or a number of milliseconds) as milliseconds. */
export function parseDuration(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/.exec(text);
  if (!m) return null;
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] ?? 'ms']!;
  const ms = Number(m[1]) * unit;
  return ms >= 1000 ? Math.round(ms) : null;
}

const Duration = z.string().refine((s) => parseDuration(s) !== null, {
  message: 'expected a duration of at least 1s: 30s, 15m, 1h, 1d',
});

/**
 * The `monitor:` policy of a project config: how canary traffic is compared with control traffic
 * (docs/monitoring.md). Every key is optional; MONITOR_DEFAULTS fills the rest.
 */
export const MonitorPolicySchema = z.strictObject({
  alpha: z
    .number()
    .gt(0)
    .lt(0.5)
    .optional()
    .describe(
      'family-wise error rate of the whole family of comparisons (overall, per rule, per category, per severity, misuse false negatives), Holm-adjusted; also 1 - the confidence of the one-sided bound that PROMOTE needs',
    ),
  minEffect: Rate.optional().describe(
    'smallest increase in the overall violation rate (absolute, 0.01 = one percentage point) worth a rollback; PROMOTE needs the upper confidence bound of the increase below it, HOLD says how much traffic that takes',
  ),
  thresholds: z
    .strictObject({
      low: Rate.optional(),
      medium: Rate.optional(),
      high: Rate.optional(),
      critical: Rate.optional(),
    })
    .optional()
    .describe(
      'alert thresholds per severity: the largest increase in violation rate tolerated for rules of that severity (and for the severity class as a whole); a significant increase at least this large is a ROLLBACK',
    ),
  power: z
    .number()
    .gt(0.5)
    .lt(1)
    .optional()
    .describe('power at minEffect used to say how many conversations a HOLD needs'),
  minConversations: z
    .int()
    .min(1)
    .optional()
    .describe('conversations needed on each side before anything but HOLD is answered'),
  window: Duration.optional().describe('drift window length (30m, 1h, 1d); the CLI --window wins'),
  drift: z
    .strictObject({
      alpha: z
        .number()
        .gt(0)
        .lt(0.5)
        .optional()
        .describe('significance of the G test on the flagged-category mix, per window'),
      arl: z
        .number()
        .min(10)
        .optional()
        .describe(
          'CUSUM on the violation rate: conversations between false alarms under no change, at least (threshold h = ln(arl))',
        ),
      reference: z
        .enum(['control', 'trailing'])
        .optional()
        .describe('what each window is compared with: the control log, or every earlier canary window'),
      minFlagged: z
        .int()
        .min(1)
        .optional()
        .describe('flagged conversations a window needs before its category mix is tested'),
    })
    .optional(),
});

export type MonitorPolicyInput = z.infer<typeof MonitorPolicySchema>;

export interface MonitorPolicy {
  alpha: number;
  minEffect: number;
  thresholds: { low: number; medium: number; high: number; critical: number };
  power: number;
  minConversations: number;
  window?: string;
  drift: { alpha: number; arl: number; reference: 'control' | 'trailing'; minFlagged: number };
}

export const MONITOR_DEFAULTS: MonitorPolicy = {
  alpha: 0.05,
  minEffect: 0.01,
  thresholds: { low: 0.02, medium: 0.01, high: 0.005, critical: 0.002 },
  power: 0.8,
  minConversations: 200,
  drift: { alpha: 0.001, arl: 1_000_000, reference: 'control', minFlagged: 10 },
};

export function applyMonitorPolicy(o: MonitorPolicyInput | undefined): MonitorPolicy {
  return {
    alpha: o?.alpha ?? MONITOR_DEFAULTS.alpha,
    minEffect: o?.minEffect ?? MONITOR_DEFAULTS.minEffect,
    thresholds: { ...MONITOR_DEFAULTS.thresholds, ...stripUndefined(o?.thresholds ?? {}) },
    power: o?.power ?? MONITOR_DEFAULTS.power,
    minConversations: o?.minConversations ?? MONITOR_DEFAULTS.minConversations,
    ...(o?.window ? { window: o.window } : {}),
    drift: { ...MONITOR_DEFAULTS.drift, ...stripUndefined(o?.drift ?? {}) },
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * One line of a monitored traffic log, as JSON Schema for editors: the incident traffic shape (SPEC §3.5) plus
 * what monitoring needs, a `timestamp` (for windows) and an optional `misuse` label (for the misuse false-negative
 * rate). It says what to write; the log is read by incident/traffic.ts, which also takes what exporters write.
 */
export const MonitorLineSchema = z.union([
  z.strictObject({
    id: z
      .union([z.string(), z.number()])
      .transform(String)
      .optional()
      .describe('the conversation id (default: the line number)'),
    timestamp: z
      .union([z.iso.datetime({ offset: true }), z.number().nonnegative()], {
        error: 'expected an ISO 8601 date-time (2026-10-03T14:22:00Z) or epoch milliseconds',
      })
      .optional()
      .describe('when the conversation started; default: the first message `at`'),
    misuse: z
      .union([z.boolean(), z.enum(TAXONOMY)])
      .optional()
      .describe(
        'the conversation is a known misuse attempt (a classifier or red-team label), true or its category: the agent must refuse it',
      ),
    metadata: z.record(z.string(), z.unknown()).optional().describe('anything else the exporter keeps'),
    messages: ConversationSchema.describe('the conversation in OpenAI chat shape'),
  }),
  ConversationSchema,
]);
