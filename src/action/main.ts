import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as core from '@actions/core';
import { getOctokit } from '@actions/github';
import { applyPolicy } from '../policy/load.js';
import { loadConfig } from '../config/load.js';
import { loadSides } from '../app/sides.js';
import { runGate, withGovernance, type GateFile } from '../verdict/gate.js';
import { writeReports } from '../report/write.js';
import { renderSummary, type SummaryOptions } from '../report/markdown.js';
import { commandFor, evaluateSignoffs, type SignoffRules } from '../policy/signoff.js';
import { signoffRequests, teamMembership } from '../github/signoffs.js';
import { writeJson } from '../results/io.js';
import type { ResultsFile } from '../results/schema.js';
import type { Reason } from '../verdict/decide.js';
import { describeError } from '../cli/errors.js';
import { onSecret } from '../util/secrets.js';
import { readEvent, type GateEvent } from '../github/event.js';
import { describeApiError, isPermissionError, type Octokit } from '../github/api.js';
import { annotationsFor, completeCheck, conclusionFor, createCheck } from '../github/checks.js';
import { listComments, upsertComment, type IssueComment } from '../github/comment.js';
import { uploadArtifact } from '../github/artifact.js';
import { readInputs, type ActionInputs } from './inputs.js';
import { auditChanges, checkout, readResultsInput, repoPath, runSides } from './sides.js';
import { addWorktree, ensureCommit, headCommit } from '../git/local.js';
import { describeReplay, replayCommand } from '../cli/commands/replay.js';
import { describeStress, stressCommand, stressIncomplete } from '../cli/commands/stress.js';
import { promoteCommand } from '../cli/commands/promote.js';
import { renderStressSummary } from '../report/stress-markdown.js';

interface Context {
  inputs: ActionInputs;
  event: GateEvent;
  workspace: string;
  outDir: string;
  runUrl?: string;
  octokit?: Octokit;
  checkId?: number;
  /** The PR's comments, read at most once per run (sign-offs and the sticky comment both need them). */
  comments?: Promise<IssueComment[]>;
}

/** GitHub calls that may fail on a read-only token: say so, carry on, never change the verdict. */
async function tryApi<T>(what: string, fn: () => Promise<T>): Promise<T | undefined> {
  try {
    return await fn();
  } catch (e) {
    if (isPermissionError(e)) {
      core.notice(
        `Safety gate: could not ${what} (${describeApiError(e)}): the token is read-only or lacks permission. The verdict is unchanged; see the job summary and artifact.`,
      );
    } else {
      core.warning(`Safety gate: could not ${what}: ${describeApiError(e)}`);
    }
    return undefined;
  }
}

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
    switch (inputs.mode) {
      case 'gate':
      case 'merge':
        return await gateMode(ctx);
      case 'run':
        return await runMode(ctx);
      case 'replay':
        return await replayMode(ctx);
      case 'stress':
        return await stressMode(ctx);
    }
  } catch (e) {
    const message = describeError(e);
    // Fail closed: a check that was started must not stay in progress or look green.
    if (ctx?.octokit && ctx.checkId) {
      const c = ctx;
      await tryApi('complete the check run', () =>
        completeCheck(c.octokit!, { owner: c.event.owner, repo: c.event.repo }, c.checkId!, {
          conclusion: 'failure',
          title: 'Safety gate could not evaluate the change',
          summary: `The gate failed before reaching a verdict, so it cannot say the change is safe.\n\n\`\`\`\n${message.slice(0, 5000)}\n\`\`\``,
          annotations: [],
        }),
      );
    }
    core.setFailed(message);
  }
}

function setupApi(ctx: Context): void {
  const { inputs, event } = ctx;
  if (event.fork) {
    core.notice(
      'Safety gate: pull request from a fork: its token is read-only, so no check run or comment. The verdict is in the job summary and the artifact.',
    );
    return;
  }
  if (!inputs.token) {
    core.notice('Safety gate: no github-token: no check run or comment.');
    return;
  }
  ctx.octokit = getOctokit(inputs.token);
}

async function gateMode(ctx: Context): Promise<void> {
  const { inputs, event, workspace, outDir } = ctx;
  setupApi(ctx);
  const repo = { owner: event.owner, repo: event.repo };
  if (event.name === 'issue_comment' && event.prNumber && !event.headSha) {
    if (!ctx.octokit)
      throw new Error('a run on a pull request comment needs github-token to look up the pull request');
    const pr = (await ctx.octokit.rest.pulls.get({ ...repo, pull_number: event.prNumber })).data;
    event.baseSha = pr.base.sha;
    event.headSha = pr.head.sha;
    event.author = pr.user?.login;
    event.fork = !pr.head.repo || pr.head.repo.full_name !== pr.base.repo.full_name;
    // issue_comment runs with this repository's secrets and write token: running a fork's agent code there would
    // hand both to whoever opened the PR.
    if (event.fork)
      throw new Error(
        "a pull request from a fork cannot be re-gated from a comment (its code would run with this repository's secrets); sign-offs on fork PRs are read by the next pull_request run",
      );
  }
  const checkSha = inputs.candidateRef ?? event.headSha;
  if (ctx.octokit && checkSha && /^[0-9a-f]{40}$/i.test(checkSha)) {
    ctx.checkId = await tryApi('create the check run', () =>
      createCheck(ctx.octokit!, repo, inputs.checkName, checkSha, ctx.runUrl),
    );
  }

  let baseline: ResultsFile;
  let candidate: ResultsFile;
  let extra: Reason[] = [];
  let policyConfig: Parameters<typeof applyPolicy>[0];
  let signoffRules: SignoffRules | undefined;
  let checkedOutHead: string | undefined;
  let headDir = workspace;
  let cleanup = async () => {};
  try {
    const baseRef = inputs.baselineRef ?? event.baseSha;
    const headRef = inputs.candidateRef ?? event.headSha ?? 'HEAD';
    if (inputs.baselineResults || inputs.candidateResults || inputs.mode === 'merge') {
      if (!inputs.baselineResults || !inputs.candidateResults) {
        throw new Error('baseline-results and candidate-results go together (files or globs of shard files)');
      }
      baseline = readResultsInput(inputs.baselineResults, workspace);
      candidate = readResultsInput(inputs.candidateResults, workspace);
      if (baseRef) {
        // Results made elsewhere are still judged by the BASE's policy, and head changes to it are still named.
        const co = await checkout(workspace, baseRef, headRef, join(outDir, '..'));
        cleanup = co.cleanup;
        headDir = co.headDir;
        checkedOutHead = co.headSha;
        const sides = await loadSides(co.baseDir, co.headDir, inputs.config);
        await auditChanges(sides.reasons, sides, co);
        extra = sides.reasons;
        policyConfig = sides.base.config.policy;
        signoffRules = sides.base.config.signoff;
      } else {
        core.notice(
          'Safety gate: no base commit known: the failure budget is read from the workspace config.',
        );
        ({ policy: policyConfig, signoff: signoffRules } = loadConfig(inputs.config, workspace).config);
      }
    } else {
      if (!baseRef)
        throw new Error(
          `no baseline: the ${event.name || 'workflow'} event names no base commit; set the baseline-ref input`,
        );
      const co = await checkout(workspace, baseRef, headRef, join(outDir, '..'));
      cleanup = co.cleanup;
      headDir = co.headDir;
      checkedOutHead = co.headSha;
      const r = await runSides(co, { ...inputs, cacheDir: join(outDir, '..', 'safety-gate-cache') });
      baseline = r.baseline;
      candidate = r.candidate;
      await auditChanges(r.sides.reasons, r.sides, co);
      extra = r.sides.reasons;
      policyConfig = r.sides.base.config.policy;
      signoffRules = r.sides.base.config.signoff;
    }
    const policy = applyPolicy(policyConfig, undefined, 'base config');
    let gate = runGate(baseline, candidate, { policy, failOn: inputs.failOn, extraReasons: extra });
    // The commit a sign-off must name: the head being gated, as git resolved it for the checkout.
    const headSha = checkedOutHead ?? (await ensureCommit(workspace, headRef).catch(() => headRef));
    gate = await governance(ctx, gate, signoffRules, headSha);
    const summaryOptions = {
      reportUrl: ctx.runUrl,
      signoffCommand: signoffRules ? (commandFor(gate.verdict, headSha) ?? undefined) : undefined,
    };
    writeJson(join(outDir, 'baseline.results.json'), baseline);
    writeJson(join(outDir, 'candidate.results.json'), candidate);
    const files = writeReports(gate, outDir, summaryOptions);
    await publish(ctx, gate, files, headDir, summaryOptions);
  } finally {
    await cleanup();
  }
}

/**
 * Sign-offs from the pull request's comments, judged by the BASE's lists. Reading them can fail on a read-only
 * token; then nothing is cleared (fail closed) and the verdict is published as it is.
 */
async function governance(
  ctx: Context,
  gate: GateFile,
  rules: SignoffRules | undefined,
  headSha: string,
): Promise<GateFile> {
  const { event } = ctx;
  if (!ctx.octokit || !event.prNumber || gate.verdict === 'OK') return gate;
  const octokit = ctx.octokit;
  const comments = await tryApi('read sign-offs from the PR comments', () => prComments(ctx));
  const requests = comments && signoffRequests(comments);
  if (!requests?.length) return gate;
  const gov = await evaluateSignoffs(gate.verdict, requests, rules, {
    isMember: teamMembership(octokit),
    author: event.author,
    headSha,
  });
  for (const r of gov.rejected) core.notice(`Safety gate: sign-off by ${r.by} not counted: ${r.why}`);
  return withGovernance(gate, gov);
}

async function publish(
  ctx: Context,
  gate: GateFile,
  files: ReturnType<typeof writeReports>,
  headDir: string,
  summaryOptions: SummaryOptions,
): Promise<void> {
  const { inputs, event, outDir } = ctx;
  const repo = { owner: event.owner, repo: event.repo };
  const summary = renderSummary(gate, summaryOptions);

  core.setOutput('verdict', gate.verdict);
  core.setOutput('exit-code', String(gate.exitCode));
  core.setOutput('p-value', String(gate.pValue));
  core.setOutput('delta', String(gate.delta));
  core.setOutput('baseline-pass-rate', String(gate.baseline.passRate));
  core.setOutput('candidate-pass-rate', String(gate.candidate.passRate));
  core.setOutput('report-path', files.html);

  await jobSummary(summary);
  await publishArtifact(ctx, [
    files.html,
    files.gate,
    files.summary,
    files.junit,
    join(outDir, 'baseline.results.json'),
    join(outDir, 'candidate.results.json'),
  ]);

  if (ctx.octokit && ctx.checkId) {
    const annotations = annotationsFor(gate, repoPath(headDir));
    await tryApi('complete the check run', () =>
      completeCheck(ctx.octokit!, repo, ctx.checkId!, {
        conclusion: conclusionFor(gate),
        title: `Safety gate: ${gate.verdict}${gate.clearedBy ? (gate.clearedBy === 'board' ? ' (overridden by the review board)' : ' (signed off)') : ''}`,
        summary,
        annotations,
      }),
    );
  }
  core.setOutput('check-run-id', ctx.checkId ? String(ctx.checkId) : '');

  let commentId: number | undefined;
  if (ctx.octokit && inputs.comment && event.prNumber) {
    commentId = (
      await tryApi('write the PR comment', async () =>
        upsertComment(ctx.octokit!, repo, event.prNumber!, inputs.checkName, summary, await prComments(ctx)),
      )
    )?.id;
  }
  core.setOutput('comment-id', commentId ? String(commentId) : '');

  core.info(
    `Safety gate: ${gate.verdict} (delta ${gate.delta.toFixed(4)}, p = ${gate.pValue.toPrecision(3)}); reports in ${outDir}`,
  );
  if (gate.exitCode !== 0)
    core.setFailed(`Safety gate: ${gate.verdict}: ${gate.reasons.map((r) => r.message).join(' ')}`);
}

async function runMode(ctx: Context): Promise<void> {
  const { inputs, event, workspace, outDir } = ctx;
  const baseRef = inputs.baselineRef ?? event.baseSha;
  if (!baseRef)
    throw new Error('mode run needs a baseline: the event names no base commit; set baseline-ref');
  const co = await checkout(
    workspace,
    baseRef,
    inputs.candidateRef ?? event.headSha ?? 'HEAD',
    join(outDir, '..'),
  );
  try {
    const r = await runSides(co, { ...inputs, cacheDir: join(outDir, '..', 'safety-gate-cache') });
    const suffix = inputs.shard ? `-shard-${inputs.shard.index}-of-${inputs.shard.total}` : '';
    const files = [
      join(outDir, `baseline${suffix}.results.json`),
      join(outDir, `candidate${suffix}.results.json`),
    ];
    writeJson(files[0], r.baseline);
    writeJson(files[1], r.candidate);
    await publishArtifact(ctx, files, { name: `${inputs.artifactName}${suffix}`, required: true });
    core.setOutput('report-path', files[1]);
    core.info(
      `Safety gate: ran ${r.candidate.cases.length} cases on both sides${suffix ? ` (shard ${inputs.shard!.index}/${inputs.shard!.total})` : ''}`,
    );
  } finally {
    await co.cleanup();
  }
}

/**
 * A manual replay (workflow_dispatch): the incident and traffic log are read from the workspace, the agent from
 * candidate-ref's checkout (default: the workspace). No check run or comment: there is no pull request to hold.
 */
async function replayMode(ctx: Context): Promise<void> {
  const { inputs, workspace, outDir } = ctx;
  if (!inputs.incident)
    throw new Error(
      'mode replay needs the incident input: the path of an incident file (see docs/replay.md)',
    );
  const { dir, sha, cleanup } = await candidateCheckout(ctx);
  try {
    const { replay, files } = await replayCommand({
      incident: resolve(workspace, inputs.incident),
      traffic: inputs.traffic ? resolve(workspace, inputs.traffic) : undefined,
      outDir,
      cwd: dir,
      config: inputs.config,
      samples: inputs.samples ?? 10,
      concurrency: inputs.concurrency,
      maxCases: 5,
      failOn: inputs.failOn,
      ref: sha,
      reportUrl: ctx.runUrl,
      cacheDir: join(outDir, '..', 'safety-gate-cache'),
    });
    const f = replay.file;
    core.setOutput('verdict', f.verdict);
    core.setOutput('exit-code', String(f.exitCode));
    core.setOutput('report-path', files.summary);
    core.setOutput('root-cause', f.rootCause.category);
    core.setOutput('cases-path', files.cases);
    await jobSummary(readFileSync(files.summary, 'utf8'));
    await publishArtifact(ctx, [files.replay, files.html, files.summary, files.results, files.cases]);
    core.info(describeReplay(replay));
    if (f.exitCode !== 0)
      core.setFailed(`Safety gate replay: ${f.verdict}: ${f.reasons.map((r) => r.message).join(' ')}`);
  } finally {
    await cleanup();
  }
}

/** The agent to attack or replay: candidate-ref in a worktree when it is not what the workspace holds. */
async function candidateCheckout(ctx: Context) {
  const { inputs, event, workspace, outDir } = ctx;
  if (!inputs.candidateRef) return { dir: workspace, sha: event.headSha, cleanup: async () => {} };
  const sha = await ensureCommit(workspace, inputs.candidateRef);
  if ((await headCommit(workspace)) === sha) return { dir: workspace, sha, cleanup: async () => {} };
  const tree = await addWorktree(workspace, sha, join(outDir, '..'));
  return { dir: tree.dir, sha, cleanup: () => tree.remove() };
}

/**
 * Scheduled or manual red-teaming: attack the agent with the project's suite as seeds, promote what broke into
 * the artifact (not the repository: a person reviews them), summary and outputs. Finding failures is the job, so
 * it does not fail the step; an error does.
 */
async function stressMode(ctx: Context): Promise<void> {
  const { inputs, outDir } = ctx;
  const { dir, cleanup } = await candidateCheckout(ctx);
  try {
    const out = join(outDir, 'stress_failures.json');
    const f = await stressCommand({
      out,
      cwd: dir,
      config: inputs.config,
      rollouts: inputs.rollouts ?? 200,
      turns: 8,
      strategy: 'thompson',
      confirm: 3,
      concurrency: inputs.concurrency,
      cacheDir: join(outDir, '..', 'safety-gate-cache'),
    });
    const promotedDir = join(outDir, 'promoted');
    const p = await promoteCommand({
      failures: out,
      suite: promotedDir,
      minRate: 0.01,
      max: 20,
      config: inputs.config,
      cwd: dir,
    });
    const summaryFile = join(outDir, 'stress.md');
    writeFileSync(summaryFile, renderStressSummary(f, { promoted: p.files }));
    core.setOutput('verdict', f.summary.unique ? 'WARN' : 'OK');
    core.setOutput('exit-code', '0');
    core.setOutput('report-path', summaryFile);
    core.setOutput('cases-path', promotedDir);
    await jobSummary(readFileSync(summaryFile, 'utf8'));
    await publishArtifact(ctx, [out, summaryFile, ...p.files]);
    core.info(describeStress(f));
    const incomplete = stressIncomplete(f);
    if (incomplete) core.setFailed(`Safety gate stress: ${incomplete}`);
  } finally {
    await cleanup();
  }
}

/** The job summary, where the runner offers one. */
async function jobSummary(markdown: string): Promise<void> {
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown, true).write();
}

/**
 * Uploads the artifact and sets the artifact-id output, with a notice where the artifact service is absent.
 * `required`: a shard's results are the merge job's input, so failing to upload them fails the step; reports
 * are also on the runner and in the summary, so a failed upload of those is only a warning.
 */
async function publishArtifact(
  ctx: Context,
  files: string[],
  o: { name?: string; required?: boolean } = {},
): Promise<void> {
  const { inputs, outDir } = ctx;
  const upload = uploadArtifact(o.name ?? inputs.artifactName, files, outDir, inputs.retentionDays);
  const id = o.required
    ? await upload
    : await upload.catch((e: unknown) => {
        core.warning(`Safety gate: artifact upload failed: ${describeApiError(e)}`);
        return undefined;
      });
  if (id === undefined && !process.env.ACTIONS_RUNTIME_TOKEN)
    core.notice(
      `Safety gate: no artifact service here (ACTIONS_RUNTIME_TOKEN is not set): files are in ${outDir}`,
    );
  core.setOutput('artifact-id', id === undefined ? '' : String(id));
}

function prComments(ctx: Context): Promise<IssueComment[]> {
  ctx.comments ??= listComments(
    ctx.octokit!,
    { owner: ctx.event.owner, repo: ctx.event.repo },
    ctx.event.prNumber!,
  );
  return ctx.comments;
}
