import { resolve } from 'node:path';
import { InputError } from '../input/errors.js';
import { displayPath } from '../input/sources.js';
import { applyMonitorPolicy, parseDuration } from '../monitor/schema.js';
import { makeGrader } from '../monitor/grade.js';
import { monitorLogs, type MonitorFile } from '../monitor/run.js';
import { followLogs } from '../monitor/follow.js';
import { shadowMonitor } from '../monitor/shadow.js';
import type { WindowResult } from '../monitor/drift.js';
import { writeMonitor, type MonitorFiles } from '../report/monitor-write.js';
import { loadProject } from './project.js';
import { openTarget } from './target.js';
import { ExitError } from './errors.js';

export interface MonitorOptions {
  control: string;
  canary?: string;
  outDir: string;
  config?: string;
  rules?: string[];
  /** Only these rules (default: every rule that can judge a logged conversation). */
  expect?: string[];
  /** Drift window length (30m, 1h); the config's monitor.window otherwise. */
  window?: string;
  follow?: boolean;
  /** Follow: poll interval in ms (default 1000) and stop after this long without new lines (default: never). */
  pollMs?: number;
  idleMs?: number;
  signal?: AbortSignal;
  shadow?: boolean;
  target?: string;
  /** Shadow: control conversations replayed (default 200). */
  shadowMax?: number;
  concurrency?: number;
  seed?: string;
  cache?: boolean;
  cacheDir?: string;
  reportUrl?: string;
  cwd?: string;
  /** Follow: each closed window, after monitor.json was rewritten. */
  onWindow?: (w: WindowResult, f: MonitorFile) => void;
  onProgress?: (done: number, total: number) => void;
}

const log = (p: string, cwd: string) => {
  const abs = resolve(cwd, p);
  return { path: abs, label: displayPath(abs) };
};

/**
 * `safety-gate monitor`: canary traffic against control with the same rules (or, with shadow, the candidate agent
 * replaying control's user turns), PROMOTE / HOLD / ROLLBACK, drift per window, reports in outDir. With follow it
 * tails the logs and rewrites the reports each time a window closes.
 */
export async function monitor(o: MonitorOptions): Promise<{ file: MonitorFile; files: MonitorFiles }> {
  const cwd = o.cwd ?? process.cwd();
  const outDir = resolve(cwd, o.outDir);
  const project = await loadProject({ config: o.config, rules: o.rules, cwd, withSuite: false });
  const policy = applyMonitorPolicy(project.config.monitor);
  const unknown = (o.expect ?? []).filter((r) => !project.rules.has(r));
  if (unknown.length)
    throw InputError.one(
      '(command line)',
      '--expect',
      `unknown rule ${unknown.map((r) => `"${r}"`).join(', ')}: not in the loaded rule packs`,
    );
  const grader = makeGrader(project.rules, o.expect);
  const windowText = o.window ?? policy.window;
  let window: { ms: number; text: string } | undefined;
  if (windowText !== undefined) {
    const ms = parseDuration(windowText);
    if (ms === null)
      throw InputError.one(
        o.window ? '(command line)' : (project.file ?? 'config'),
        o.window ? '--window' : 'monitor.window',
        `expected a duration of at least 1s (30s, 15m, 1h, 1d), got "${windowText}"`,
      );
    window = { ms, text: windowText };
  }
  const control = log(o.control, cwd);

  if (o.shadow) {
    if (o.follow)
      throw new ExitError('--shadow replays a fixed set of control conversations: it cannot --follow');
    const target = openTarget(o.target, project, { ...o, where: o.target ?? '--target' });
    try {
      const r = await shadowMonitor({
        control,
        grader,
        policy,
        target,
        max: o.shadowMax ?? 200,
        concurrency: o.concurrency ?? project.config.concurrency,
        seed: o.seed ?? project.config.seed,
        maxSteps: project.config.maxSteps,
        signal: o.signal,
        onProgress: o.onProgress,
      });
      if (r.errors.length === r.replayed)
        throw new ExitError(
          `every shadow replay against ${target.name} errored, so nothing was graded: ${r.errors[0]?.error ?? ''}`,
        );
      return { file: r.file, files: writeMonitor(r.file, outDir, o) };
    } finally {
      await target.close?.();
    }
  }

  if (!o.canary) throw new ExitError('monitor needs --canary LOG (or --shadow --target T)');
  const canary = log(o.canary, cwd);
  if (o.follow) {
    if (!window)
      throw new ExitError(
        '--follow needs --window (or monitor.window in the config): alerts come per window',
      );
    const { file } = await followLogs({
      control,
      canary,
      grader,
      policy,
      window,
      pollMs: o.pollMs ?? 1000,
      idleMs: o.idleMs,
      signal: o.signal,
      onWindow: (w, f) => {
        writeMonitor(f, outDir, o);
        o.onWindow?.(w, f);
      },
    });
    return { file, files: writeMonitor(file, outDir, o) };
  }
  const file = await monitorLogs({ control, canary, grader, policy, window });
  return { file, files: writeMonitor(file, outDir, o) };
}
