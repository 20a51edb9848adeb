import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { loadProject, type Project } from '../../app/project.js';
import type { LoadedConfig } from '../../config/load.js';
import type { Target } from '../../target/types.js';
import { createTarget, parseTargetArg } from '../../target/resolve.js';
import { runSuite } from '../../runner/suite.js';
import { writeJson } from '../../results/io.js';
import type { ResultsFile } from '../../results/schema.js';
import { progressReporter } from '../progress.js';
import { parseShard, selectShard } from '../../runner/shard.js';
import { ExitError } from '../errors.js';
import { withRunOptions, type RunOptions } from '../options.js';

/** The --target given, else the config's, with the project's response cache unless --no-cache. */
export function openTarget(
  targetArg: string | undefined,
  project: LoadedConfig,
  o: { cache?: boolean; cacheDir?: string },
): Target {
  const spec = targetArg ? parseTargetArg(targetArg) : project.config.target;
  if (!spec)
    throw new ExitError('no target: pass --target (e.g. sim:v1 or agent.yml) or set `target` in the config');
  const cacheSetting = o.cache === false ? false : project.config.cache;
  return createTarget(spec, targetArg ?? project.file ?? 'target', {
    cwd: project.baseDir,
    cacheDir: cacheSetting === false ? undefined : (o.cacheDir ?? resolve(project.baseDir, cacheSetting)),
  });
}

/** Loads the project and runs its suite against one target. Shared by `run` and `gate`. */
export async function runTarget(
  targetArg: string | undefined,
  o: RunOptions,
  label: string,
  checkpoint?: string,
  loaded?: Project,
): Promise<ResultsFile> {
  const project = loaded ?? (await loadProject({ config: o.config, suite: o.suite, rules: o.rules }));
  const target = openTarget(targetArg, project, o);
  try {
    const cases = o.shard ? selectShard(project.cases, parseShard(o.shard, '--shard')) : project.cases;
    const results = await runSuite(cases, target, project.rules, {
      samples: o.samples ?? project.config.samples,
      concurrency: o.concurrency ?? project.config.concurrency,
      seed: o.seed ?? project.config.seed,
      maxSteps: project.config.maxSteps,
      ref: o.ref ?? null,
      onProgress: progressReporter(label),
      checkpoint,
    });
    return o.shard ? { ...results, shard: o.shard } : results;
  } finally {
    await target.close?.();
  }
}

export function registerRun(program: Command): void {
  withRunOptions(
    program
      .command('run')
      .description('run the suite against one target and write a results file')
      .option('--target <target>', 'sim:v1, a target file (YAML/JSON), or the config target')
      .option('--ref <ref>', 'git ref recorded in the results')
      .option('--shard <k/n>', 'run only the k-th of n slices of the suite (join them with merge)'),
  )
    .requiredOption('--out <file>', 'results file to write')
    .action(async (o: RunOptions & { target?: string; out: string }) => {
      // Finished samples go to the checkpoint as they finish: rerunning the same command resumes there.
      const checkpoint = `${resolve(o.out)}.checkpoint.jsonl`;
      const results = await runTarget(o.target, o, 'run', checkpoint);
      writeJson(resolve(o.out), results);
      rmSync(checkpoint, { force: true });
      const samples = results.cases.flatMap((c) => c.samples);
      const errors = samples.filter((s) => s.error).length;
      const passed = samples.filter((s) => s.passed).length;
      process.stdout.write(
        `${results.target.name}: ${results.cases.length} cases, ${samples.length} samples, ${passed} passed, ${samples.length - passed - errors} failed, ${errors} errors -> ${o.out}\n`,
      );
      // The results are kept, but a run that could not evaluate every sample must not look like a success.
      if (errors > 0)
        throw new ExitError(
          `${errors} of ${samples.length} samples ended in an error (see "error" in ${o.out})`,
        );
    });
}
