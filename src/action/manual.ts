import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as core from '@actions/core';
import { replay } from '../app/replay.js';
import { stress, stressIncomplete } from '../app/stress.js';
import { promoteFailures } from '../app/promote.js';
import { checkoutOne } from '../app/checkout.js';
import { describeReplay, describeStress } from '../report/text.js';
import { progressReporter } from '../report/progress.js';
import { renderStressSummary } from '../report/stress-markdown.js';
import { replayOutputs, stressOutputs } from './outputs.js';
import * as publish from './publish.js';
import { cacheDir, tempDir, type Context } from './publish.js';
import { headCodeRefusal } from '../github/event.js';

/**
 * A manual replay (workflow_dispatch): the incident and traffic log are read from the workspace, the agent from
 * candidate-ref's checkout (default: the workspace). No check run or comment: there is no pull request to hold.
 */
export async function replayMode(ctx: Context): Promise<void> {
  const { inputs, workspace, outDir } = ctx;
  if (!inputs.incident)
    throw new Error(
      'mode replay needs the incident input: the path of an incident file (see docs/replay.md)',
    );
  const refusal = headCodeRefusal(ctx.event);
  if (refusal) throw new Error(refusal);
  const co = await checkoutOne(workspace, inputs.candidateRef, tempDir(ctx));
  try {
    const { replay: r, files } = await replay({
      incident: resolve(workspace, inputs.incident),
      traffic: inputs.traffic ? resolve(workspace, inputs.traffic) : undefined,
      outDir,
      cwd: co.dir,
      config: inputs.config,
      samples: inputs.samples ?? 10,
      concurrency: inputs.concurrency,
      maxCases: 5,
      failOn: inputs.failOn,
      ref: co.sha ?? ctx.event.headSha,
      reportUrl: ctx.runUrl,
      cacheDir: cacheDir(ctx),
      onProgress: progressReporter('replay'),
    });
    const f = r.file;
    publish.setOutputs(replayOutputs(f, files));
    await publish.jobSummary(readFileSync(files.summary, 'utf8'));
    await publish.publishArtifact(ctx, [files.replay, files.html, files.summary, files.results, files.cases]);
    core.info(describeReplay(r));
    if (f.exitCode !== 0)
      core.setFailed(`Safety gate replay: ${f.verdict}: ${f.reasons.map((x) => x.message).join(' ')}`);
  } finally {
    await co.cleanup();
  }
}

/**
 * Scheduled or manual red-teaming: attack the agent with the project's suite as seeds, promote what broke into
 * the artifact (not the repository: a person reviews them). Finding failures is the job, so it does not fail the
 * step; an error does.
 */
export async function stressMode(ctx: Context): Promise<void> {
  const { inputs, outDir } = ctx;
  const refusal = headCodeRefusal(ctx.event);
  if (refusal) throw new Error(refusal);
  const co = await checkoutOne(ctx.workspace, inputs.candidateRef, tempDir(ctx));
  try {
    const out = join(outDir, 'stress_failures.json');
    const common = { config: inputs.config, cwd: co.dir };
    const f = await stress({
      ...common,
      out,
      rollouts: inputs.rollouts ?? 200,
      turns: 8,
      strategy: 'thompson',
      confirm: 3,
      concurrency: inputs.concurrency,
      cacheDir: cacheDir(ctx),
    });
    const promoted = join(outDir, 'promoted');
    const p = await promoteFailures({ ...common, failures: out, suite: promoted, minRate: 0.01, max: 20 });
    const summary = join(outDir, 'stress.md');
    writeFileSync(summary, renderStressSummary(f, { promoted: p.files }));
    publish.setOutputs(stressOutputs(f, { summary, promoted }));
    await publish.jobSummary(readFileSync(summary, 'utf8'));
    await publish.publishArtifact(ctx, [out, summary, ...p.files]);
    core.info(describeStress(f));
    const incomplete = stressIncomplete(f);
    if (incomplete) core.setFailed(`Safety gate stress: ${incomplete}`);
  } finally {
    await co.cleanup();
  }
}
