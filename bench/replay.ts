import { execFileSync } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadProject } from '../src/app/project.js';
import { loadIncident } from '../src/incident/load.js';
import { replayIncident } from '../src/incident/replay.js';
import { SimAgent } from '../src/target/sim/agent.js';

/**
 * Traffic conversations graded per second for the blast radius: the example generator writes a 50,000-line log,
 * and a replay with it is timed against one without it (the difference is the traffic pass).
 */
export async function benchReplay(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sg-bench-replay-'));
  const log = join(dir, 'traffic.jsonl');
  const n = 50_000;
  execFileSync(process.execPath, ['examples/traffic/generate.mjs', String(n), log]);
  const project = await loadProject({ withSuite: false });
  const incident = loadIncident('examples/incidents/inc-2026-0142.yml');
  const once = async (traffic: boolean) => {
    const t0 = performance.now();
    await replayIncident({
      incident,
      traffic: traffic ? { path: log, label: 'traffic.jsonl' } : undefined,
      rules: project.rules,
      delayedTurn: 3,
      target: SimAgent.create('v2'),
      samples: 10,
      concurrency: 8,
      seed: 'bench',
      maxSteps: 8,
      maxCases: 5,
      casesFile: 'cases/x.yml',
    });
    return (performance.now() - t0) / 1000;
  };
  await once(false); // warm-up: module loading, JIT
  const without = await once(false);
  const withLog = await once(true);
  const traffic = withLog - without;
  const mb = statSync(log).size / 1e6;
  console.log(
    `replay: ${n} logged conversations (${mb.toFixed(0)} MB) graded for the blast radius in ${traffic.toFixed(2)} s -> ${Math.round(n / traffic)} conversations/s, ${(mb / traffic).toFixed(1)} MB/s; the replay itself ${(without * 1000).toFixed(0)} ms`,
  );
}
