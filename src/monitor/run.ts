import {
  compareTallies,
  MONITOR_EXIT,
  type Comparison,
  type MonitorReason,
  type MonitorVerdict,
} from './compare.js';
import { DriftTracker, type WindowResult } from './drift.js';
import { gradeConversation, type Grader } from './grade.js';
import type { MonitorPolicy } from './schema.js';
import { Tally } from './tally.js';
import { describeTrafficStats, readTraffic } from '../incident/traffic.js';
import { pct } from '../util/format.js';

export interface SideSummary {
  log: string;
  conversations: number;
  flagged: number;
  rate: number;
  misuse: { conversations: number; gotThrough: number; falseNegativeRate: number | null };
}

/** monitor.json (`kind: safety-gate.monitor`): the kill-switch input. */
export interface MonitorFile {
  kind: 'safety-gate.monitor';
  schemaVersion: 1;
  createdAt: string;
  /** What to do with the canary: promote | hold | rollback (the action's `action` output). */
  action: 'promote' | 'hold' | 'rollback';
  verdict: MonitorVerdict;
  exitCode: number;
  mode: 'canary' | 'shadow';
  control: SideSummary;
  canary: SideSummary;
  rows: Comparison['rows'];
  reasons: MonitorReason[];
  notes: string[];
  needed: Comparison['needed'];
  /** One-sided (1 − alpha) upper bound of the overall increase. */
  upperBound: number;
  drift: {
    window: string;
    windowMs: number;
    reference: 'control' | 'trailing';
    late: number;
    windows: WindowResult[];
    alerts: Array<{ window: string; message: string }>;
  } | null;
  rules: Array<{ id: string; category: string; severity: string }>;
  /** Example flagged conversation ids per rule on the canary (ids only, never text). */
  examples: Record<string, string[]>;
  policy: MonitorPolicy;
  /** Follow mode: still watching when this was written. */
  partial?: boolean;
}

export interface MonitorSides {
  control: Tally;
  canary: Tally;
  controlLog: string;
  canaryLog: string;
}

function side(t: Tally, log: string): SideSummary {
  return {
    log,
    conversations: t.conversations,
    flagged: t.flagged,
    rate: t.conversations ? t.flagged / t.conversations : 0,
    misuse: {
      conversations: t.misuse,
      gotThrough: t.through,
      falseNegativeRate: t.misuse ? t.through / t.misuse : null,
    },
  };
}

/** The comparison, the drift windows and the verdict, as monitor.json. */
export function buildMonitorFile(
  s: MonitorSides,
  grader: Grader,
  policy: MonitorPolicy,
  o: {
    mode: 'canary' | 'shadow';
    drift?: { tracker: DriftTracker; window: string };
    partial?: boolean;
    now?: Date;
  },
): MonitorFile {
  const cmp = compareTallies(s.control, s.canary, grader.meta, policy);
  const reasons = [...cmp.reasons];
  let verdict = cmp.verdict;
  let drift: MonitorFile['drift'] = null;
  if (o.drift) {
    const t = o.drift.tracker;
    const alerts = t.closed.flatMap((w) => w.alerts.map((message) => ({ window: w.start, message })));
    drift = {
      window: o.drift.window,
      windowMs: t.windowMs,
      reference: policy.drift.reference,
      late: t.late,
      windows: t.closed,
      alerts,
    };
    if (alerts.length) {
      const first = alerts[0];
      reasons.push({
        code: 'drift',
        level: 'HOLD',
        message: `Drift in ${alerts.length} window${alerts.length === 1 ? '' : 's'} of canary traffic, first in the window starting ${first.window}: ${first.message}.`,
        values: { windows: new Set(alerts.map((a) => a.window)).size, first: first.window },
      });
      if (verdict === 'PROMOTE') verdict = 'HOLD';
    }
  }
  const examples: Record<string, string[]> = {};
  for (const [r, ids] of s.canary.examples) examples[r] = ids;
  return {
    kind: 'safety-gate.monitor',
    schemaVersion: 1,
    createdAt: (o.now ?? new Date()).toISOString(),
    action: verdict.toLowerCase() as MonitorFile['action'],
    verdict,
    exitCode: MONITOR_EXIT[verdict],
    mode: o.mode,
    control: side(s.control, s.controlLog),
    canary: side(s.canary, s.canaryLog),
    rows: cmp.rows,
    reasons,
    notes: cmp.notes,
    needed: cmp.needed,
    upperBound: cmp.upperBound,
    drift,
    rules: [...grader.checks, ...grader.misuseChecks].map((c) => {
      const m = grader.meta.get(c.rule)!;
      return { id: m.id, category: m.category, severity: m.severity };
    }),
    examples,
    policy,
    ...(o.partial ? { partial: true } : {}),
  };
}

export interface BatchOptions {
  control: { path: string; label: string };
  canary: { path: string; label: string };
  grader: Grader;
  policy: MonitorPolicy;
  /** Drift windows, when given (every canary conversation then needs a timestamp). */
  window?: { ms: number; text: string };
  now?: Date;
}

/** Both logs read once, streaming: control first (the reference), then canary through the drift windows. */
export async function monitorLogs(o: BatchOptions): Promise<MonitorFile> {
  const control = new Tally(o.grader.meta);
  const canary = new Tally(o.grader.meta);
  // A conversation with no messages (a run that died first) was read and is counted in the notes, not graded.
  const controlRead = await readTraffic(
    o.control.path,
    async (c) => {
      if (c.messages.length) control.add(await gradeConversation(c, o.grader));
    },
    { label: o.control.label },
  );
  const tracker = o.window ? new DriftTracker(o.window.ms, o.policy, o.grader.meta, control) : undefined;
  const canaryRead = await readTraffic(
    o.canary.path,
    async (c) => {
      if (!c.messages.length) return;
      const g = await gradeConversation(c, o.grader);
      canary.add(g);
      tracker?.add(g);
    },
    { label: o.canary.label, needTimestamp: Boolean(o.window) },
  );
  tracker?.finish();
  const file = buildMonitorFile(
    { control, canary, controlLog: o.control.label, canaryLog: o.canary.label },
    o.grader,
    o.policy,
    { mode: 'canary', ...(tracker ? { drift: { tracker, window: o.window!.text } } : {}), now: o.now },
  );
  // What reading the logs repaired or ignored, said where the verdict is read (as the replay's blast radius does).
  file.notes.push(
    ...describeTrafficStats(controlRead, o.control.label),
    ...describeTrafficStats(canaryRead, o.canary.label),
  );
  return file;
}

/** One line per closed window, for the follow loop's output. */
export function windowLine(w: WindowResult): string {
  const head = `${w.start} ${w.conversations} conversations, ${pct(w.rate, 2)} flagged`;
  return w.alerts.length
    ? w.alerts.map((a) => `ALERT window ${head}: ${a}`).join('\n')
    : `ok    window ${head}${w.referenceRate !== null ? ` (reference ${pct(w.referenceRate, 2)})` : ''}`;
}
