import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
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
import { ExitError } from './errors.js';
import { unchangedSinceEmitted } from '../case/emit.js';

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
  /** Overwrite the emitted case file even when it was edited since replay wrote it. */
  force?: boolean;
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
  const casesFile = `cases/incident-${incident.incident.id}.yml`;
  // Before any call to the target: a refusal after minutes of replays would waste them.
  keepEdits(join(outDir, casesFile), o.force);
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
      casesFile,
      checkpoint,
      failOn: o.failOn,
      onProgress: o.onProgress,
    });
    keepEdits(join(outDir, casesFile), o.force);
    const files = writeReplay(replay, outDir, { reportUrl: o.reportUrl });
    rmSync(checkpoint, { force: true });
    return { replay, files };
  } finally {
    await target.close?.();
  }
}

/**
 * Emitted cases are meant to be edited (a better title, a tightened check) before they are committed: a rerun
 * rewrites the file only while it is still what replay wrote, so those edits are never lost silently.
 */
function keepEdits(file: string, force = false): void {
  if (force || !existsSync(file)) return;
  if (unchangedSinceEmitted(readFileSync(file, 'utf8'))) return;
  throw new ExitError(
    `${file} was changed since replay wrote it (or replay did not write it): not overwritten. Move it into your suite, or pass --force to overwrite it.`,
  );
}
