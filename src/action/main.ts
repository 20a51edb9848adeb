import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '@actions/core';
import { getOctokit } from '@actions/github';
import { gateChange, runChange } from '../app/gate.js';
import { repoPath } from '../app/checkout.js';
import { describeError } from '../app/errors.js';
import { progressReporter } from '../report/progress.js';
import { mdCodeBlock } from '../report/escape.js';
import { onSecret } from '../util/secrets.js';
import { headCodeRefusal, readEvent, resolvePullRequest } from '../github/event.js';
import { createCheck } from '../github/checks.js';
import { isCommitSha } from '../git/local.js';
import { readInputs } from './inputs.js';
import { errorOutputs, gateOutputs } from './outputs.js';
import { replayMode, stressMode } from './manual.js';
import { releaseMode } from './release.js';
import { monitorMode } from './monitor.js';
import * as publish from './publish.js';
import { cacheDir, tempDir, type Context } from './publish.js';

export async function run(): Promise<void> {
  let ctx: Context | undefined;
  // API keys read from the environment are masked in the log from the moment they are read.
  onSecret((value) => core.setSecret(value));
  try {
    const inputs = readInputs();
    const event = readEvent();
    const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
    const outDir = join(process.env.RUNNER_TEMP ?? tmpdir(), 'safety-gate');
    mkdirSync(outDir, { recursive: true });
    const server = process.env.GITHUB_SERVER_URL ?? 'https://github.com';
    const runUrl = process.env.GITHUB_RUN_ID
      ? `${server}/${event.owner}/${event.repo}/actions/runs/${process.env.GITHUB_RUN_ID}`
      : undefined;
    ctx = { inputs, event, workspace, outDir, runUrl };
    const modes = {
      gate: gateMode,
      merge: gateMode,
      rejudge: gateMode,
      run: runMode,
      replay: replayMode,
      stress: stressMode,
      release: releaseMode,
      monitor: monitorMode,
    };
    await modes[inputs.mode](ctx);
  } catch (e) {
    const message = describeError(e);
    if (ctx) await publish.failCheck(ctx, message);
    // Steps after this one (`if: always()`) still read what happened.
    publish.setOutputs(errorOutputs());
    await publish
      .jobSummary(`## Safety gate: ERROR\n\nThe gate could not reach a verdict:\n\n${mdCodeBlock(message)}\n`)
      .catch(() => {});
    core.setFailed(message);
  }
}

function setupApi(ctx: Context): void {
  const { inputs, event } = ctx;
  if (event.fork) {
    core.notice(
      'Safety gate: pull request from a fork: its token is read-only, so no check run or comment. The verdict is in the job summary and the artifact.',
    );
  } else if (!inputs.token) {
    core.notice('Safety gate: no github-token: no check run or comment.');
  } else {
    ctx.octokit = getOctokit(inputs.token);
  }
}

async function gateMode(ctx: Context): Promise<void> {
  const { inputs, outDir } = ctx;
  setupApi(ctx);
  const event = (ctx.event = await resolvePullRequest(ctx.event, ctx.octokit));
  const repo = { owner: event.owner, repo: event.repo };
  const checkSha = inputs.candidateRef ?? event.headSha;
  if (ctx.octokit && isCommitSha(checkSha))
    ctx.checkId = await publish.tryApi('create the check run', () =>
      createCheck(ctx.octokit!, repo, inputs.checkName, checkSha, ctx.runUrl),
    );
  if (inputs.mode === 'merge' && (!inputs.baselineResults || !inputs.candidateResults))
    throw new Error('baseline-results and candidate-results go together (files or globs of shard files)');
  const rejudge = inputs.mode === 'rejudge';
  if (rejudge && !event.prNumber)
    throw new Error(
      "mode rejudge re-judges a pull request's last gate: run it on issue_comment or pull_request_review",
    );
  // Re-judging runs no code of the head; gating results files neither.
  const refusal =
    rejudge || inputs.baselineResults || inputs.candidateResults ? null : headCodeRefusal(event);
  if (refusal) throw new Error(refusal);
  const r = await gateChange({
    ...publish.changeOptions(ctx),
    baseRef: inputs.baselineRef ?? event.baseSha,
    headRef: inputs.candidateRef ?? event.headSha ?? 'HEAD',
    signoffs: publish.prSignoffs(ctx),
    storedGate: publish.storedGate(ctx),
    storedOnly: rejudge,
    // The gate's audit trail goes into the artifact (release mode can also push it to a branch).
    audit: {
      who: process.env.GITHUB_ACTOR ?? 'github-actions',
      why: event.prNumber ? `pull request #${event.prNumber}` : `gate of ${event.headSha ?? 'HEAD'}`,
    },
  });
  const { gate, files } = r;
  for (const x of gate.rejectedSignoffs)
    core.notice(`Safety gate: sign-off by ${x.by} not counted: ${x.why}`);
  publish.setOutputs(gateOutputs(gate, files.html));
  await publish.publishArtifact(ctx, [
    files.html,
    files.gate,
    files.summary,
    files.junit,
    r.baselineFile,
    r.candidateFile,
    ...(r.auditLog ? [r.auditLog] : []),
  ]);
  await publish.publishGate(ctx, gate, files.summary, repoPath(r.headDir));
  core.info(
    `Safety gate: ${gate.verdict} (delta ${gate.delta.toFixed(4)}, p = ${gate.pValue.toPrecision(3)}); reports in ${outDir}`,
  );
  if (gate.exitCode !== 0)
    core.setFailed(`Safety gate: ${gate.verdict}: ${gate.reasons.map((x) => x.message).join(' ')}`);
}

async function runMode(ctx: Context): Promise<void> {
  const { inputs, event } = ctx;
  const refusal = headCodeRefusal(event);
  if (refusal) throw new Error(refusal);
  const r = await runChange({
    workspace: ctx.workspace,
    tempDir: tempDir(ctx),
    outDir: ctx.outDir,
    baseRef: inputs.baselineRef ?? event.baseSha,
    headRef: inputs.candidateRef ?? event.headSha ?? 'HEAD',
    config: inputs.config,
    samples: inputs.samples,
    concurrency: inputs.concurrency,
    shard: inputs.shard,
    cacheDir: cacheDir(ctx),
    progress: (side) => progressReporter(side, process.stdout),
  });
  await publish.publishArtifact(ctx, r.files, { name: `${inputs.artifactName}${r.suffix}`, required: true });
  core.setOutput('report-path', r.files[1]);
  const shard = inputs.shard ? ` (shard ${inputs.shard.index}/${inputs.shard.total})` : '';
  core.info(`Safety gate: ran ${r.cases} cases on both sides${shard}`);
}
