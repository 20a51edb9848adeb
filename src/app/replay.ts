import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadProject } from './project.js';
import { displayPath } from '../input/sources.js';
import { applyPolicy } from '../policy/load.js';
import { loadIncident } from '../incident/load.js';
import { replayIncident, type Replay } from '../incident/replay.js';
import { writeReplay, type ReplayFiles } from '../report/write.js';
import type { FailOn } from '../verdict/gate.js';
import type { Progress } from '../runner/suite.js';
import { openTarget } from './target.js';

export interface ReplayOptions {
  incident: string;
  traffic?: string;
  skipBadLines?: boolean;
  target?: string;
  outDir: string;
  config?: string;
  rules?: string[];
  samples: number;
  concurrency?: number;
  seed?: string;
  maxCases: number;
  ref?: string;
  failOn?: FailOn;
  cache?: boolean;
  reportUrl?: string;
  /** Where the project lives when it is not the working directory (the action's checkout). */
  cwd?: string;
  /** Response cache outside the checkout (the action keeps worktrees clean). */
  cacheDir?: string;
  onProgress?: (p: Progress) => void;
}

/**
 * Loads and checks every input (incident, traffic is checked as it streams, config, rules, target) before the
 * first call to the target; writes the replay beside its checkpoint, so a rerun after a kill resumes.
 */
export async function replay(o: ReplayOptions): Promise<{ replay: Replay; files: ReplayFiles }> {
  const outDir = resolve(o.outDir);
  const incident = loadIncident(resolve(o.incident));
  const project = await loadProject({ config: o.config, rules: o.rules, cwd: o.cwd, withSuite: false });
  const policy = applyPolicy(project.config.policy, undefined, project.file ?? 'config');
  const target = openTarget(o.target, project, o);
  mkdirSync(outDir, { recursive: true });
  const checkpoint = join(outDir, 'replay.checkpoint.jsonl');
  try {
    const replay = await replayIncident({
      incident,
      traffic: o.traffic
        ? { path: resolve(o.traffic), label: displayPath(resolve(o.traffic)), skipBadLines: o.skipBadLines }
        : undefined,
      rules: project.rules,
      delayedTurn: policy.policy.delayedTurn,
      target,
      samples: o.samples,
      concurrency: o.concurrency ?? project.config.concurrency,
      seed: o.seed ?? project.config.seed,
      maxSteps: project.config.maxSteps,
      ref: o.ref ?? null,
      maxCases: o.maxCases,
      casesFile: `cases/incident-${incident.incident.id}.yml`,
      checkpoint,
      failOn: o.failOn,
      onProgress: o.onProgress,
    });
    const files = writeReplay(replay, outDir, { reportUrl: o.reportUrl });
    rmSync(checkpoint, { force: true });
    return { replay, files };
  } finally {
    await target.close?.();
  }
}
