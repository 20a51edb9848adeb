import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadProject } from '../src/app/project.js';
import { makeGrader } from '../src/monitor/grade.js';
import { followLogs } from '../src/monitor/follow.js';
import { monitorLogs } from '../src/monitor/run.js';
import { applyMonitorPolicy } from '../src/monitor/schema.js';
import { streamTraffic } from '../__tests__/helpers/monitor-traffic.js';

/**
 * Memory and throughput of the monitor on 1,000,000 canary lines (MONITOR_LINES to change it): the heap is
 * sampled as the lines go by, in batch mode and in the follow loop; flat means the last sample is no higher than
 * the first ones by more than the noise of a garbage-collected heap.
 */
export async function benchMonitor(): Promise<void> {
  const n = Number(process.env.MONITOR_LINES ?? 1_000_000);
  const dir = mkdtempSync(join(tmpdir(), 'sg-bench-monitor-'));
  const control = join(dir, 'control.jsonl');
  const canary = join(dir, 'canary.jsonl');
  const t0 = performance.now();
  await streamTraffic(control, { n: 20_000, seed: 'bench-control', misuse: 0.02, misuseThrough: 0.05 });
  // 1,000 conversations per one-hour window: 1,000 windows for a million lines.
  await streamTraffic(canary, {
    n,
    seed: 'bench-canary',
    start: Date.UTC(2026, 9, 1),
    spacingMs: 3_600,
    misuse: 0.02,
    misuseThrough: 0.05,
  });
  console.log(
    `monitor: wrote ${n.toLocaleString('en-US')} canary lines (${(statSync(canary).size / 1e6).toFixed(0)} MB) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const project = await loadProject({ withSuite: false });
  const grader = makeGrader(project.rules);
  const policy = applyMonitorPolicy(undefined);
  // With --expose-gc (npm run bench passes it through NODE_OPTIONS), the heap is measured after a full collection:
  // what is retained, not what happens to be garbage at that instant.
  const mb = () => {
    global.gc?.();
    return process.memoryUsage().heapUsed / 2 ** 20;
  };

  const sample = () => {
    const samples: number[] = [];
    const timer = setInterval(() => samples.push(mb()), 2000);
    return { samples, stop: () => clearInterval(timer) };
  };
  const show = (label: string, s: number[], secs: number) => {
    const q = (f: number) => s[Math.min(s.length - 1, Math.floor(f * (s.length - 1)))]?.toFixed(0) ?? '-';
    const early = s.slice(0, Math.max(1, Math.floor(s.length / 4)));
    const late = s.slice(Math.floor((3 * s.length) / 4));
    console.log(
      `monitor ${label}: ${(n / secs).toFixed(0)} lines/s (${secs.toFixed(1)} s); heap MB at 10% ${q(0.1)}, 50% ${q(0.5)}, 90% ${q(0.9)}, end ${q(1)}; max of first quarter ${Math.max(...early).toFixed(0)}, max of last quarter ${Math.max(...late).toFixed(0)}`,
    );
  };

  global.gc?.();
  let s = sample();
  let t = performance.now();
  const batch = await monitorLogs({
    control: { path: control, label: 'control.jsonl' },
    canary: { path: canary, label: 'canary.jsonl' },
    grader,
    policy,
    window: { ms: 3_600_000, text: '1h' },
  });
  s.stop();
  show('batch', s.samples, (performance.now() - t) / 1000);
  console.log(
    `monitor batch: ${batch.verdict}, ${batch.drift?.windows.length} windows, ${batch.drift?.alerts.length} alerts`,
  );

  global.gc?.();
  s = sample();
  t = performance.now();
  let maxOpen = 0;
  const { file, tracker } = await followLogs({
    control: { path: control, label: 'control.jsonl' },
    canary: { path: canary, label: 'canary.jsonl' },
    grader,
    policy,
    window: { ms: 3_600_000, text: '1h' },
    pollMs: 100,
    idleMs: 500,
    onWindow: (_w, _f, held) => {
      maxOpen = Math.max(maxOpen, held.openWindows);
    },
  });
  s.stop();
  show('follow', s.samples, (performance.now() - t) / 1000);
  console.log(
    `monitor follow: ${file.verdict}, ${tracker.closed.length} windows closed, at most ${maxOpen} open at once; heap ${global.gc ? 'after gc' : 'including garbage (run with --expose-gc)'}`,
  );
  rmSync(dir, { recursive: true, force: true });
}
