import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as core from '@actions/core';
import type { GateFile } from '../verdict/gate.js';
import { mdCodeBlock } from '../report/escape.js';
import { describeApiError, isPermissionError, type Octokit } from '../github/api.js';
import { annotationsFor, completeCheck, conclusionFor } from '../github/checks.js';
import { listComments, upsertComment, type IssueComment } from '../github/comment.js';
import { downloadGateArtifact, uploadArtifact } from '../github/artifact.js';
import type { StoredGateSource } from '../app/rejudge.js';
import type { GateEvent } from '../github/event.js';
import type { ActionInputs } from './inputs.js';
import type { Outputs } from './outputs.js';
import type { SignoffSource } from '../app/gate.js';
import { listReviews, signoffRequests, teamMembership } from '../github/signoff-comments.js';
import { progressReporter } from '../report/progress.js';
import { redactAll } from '../util/secrets.js';
import { actionsCache } from './cache.js';

/** What every mode shares: the inputs, the event, where files go, and the API client when there is one. */
export interface Context {
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

/** Worktrees and the response cache live beside the output folder, outside the checkout. */
export const tempDir = (ctx: Context) => join(ctx.outDir, '..');
export const cacheDir = (ctx: Context) => join(ctx.outDir, '..', 'safety-gate-cache');

/** GitHub calls that may fail on a read-only token: say so, carry on, never change the verdict. */
export async function tryApi<T>(what: string, fn: () => Promise<T>): Promise<T | undefined> {
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

export function setOutputs(outputs: Outputs): void {
  for (const [k, v] of Object.entries(outputs)) core.setOutput(k, v);
}

export function prComments(ctx: Context): Promise<IssueComment[]> {
  ctx.comments ??= listComments(
    ctx.octokit!,
    { owner: ctx.event.owner, repo: ctx.event.repo },
    ctx.event.prNumber!,
  );
  return ctx.comments;
}

/** The job summary, where the runner offers one. */
export async function jobSummary(markdown: string): Promise<void> {
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(redactAll(markdown), true).write();
}

/**
 * Uploads the artifact and sets the artifact-id output, with a notice where the artifact service is absent.
 * `required`: a shard's results are the merge job's input, so failing to upload them fails the step; reports
 * are also on the runner and in the summary, so a failed upload of those is only a warning.
 */
export async function publishArtifact(
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

/** The job summary, the check run (with annotations on the head's case files) and the sticky comment. */
export async function publishGate(
  ctx: Context,
  gate: GateFile,
  summaryFile: string,
  casePath: (file: string) => string | undefined,
): Promise<void> {
  const { inputs, event } = ctx;
  const repo = { owner: event.owner, repo: event.repo };
  // summary.md as the gate wrote it (the run's URL and the sign-off command in it) is what the job summary, the
  // check run and the comment show: read once, never rendered again for 20,000 cases.
  const summary = readFileSync(summaryFile, 'utf8');
  await jobSummary(summary);
  if (ctx.octokit && ctx.checkId) {
    const cleared = gate.clearedBy === 'board' ? ' (overridden by the review board)' : ' (signed off)';
    await tryApi('complete the check run', () =>
      completeCheck(ctx.octokit!, repo, ctx.checkId!, {
        conclusion: conclusionFor(gate),
        title: `Safety gate: ${gate.verdict}${gate.clearedBy ? cleared : ''}`,
        summary,
        annotations: annotationsFor(gate, casePath),
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
}

/** Fail closed: a check that was started must not stay in progress or look green when the run broke. */
export async function failCheck(ctx: Context, message: string): Promise<void> {
  if (!ctx.octokit || !ctx.checkId) return;
  await tryApi('complete the check run', () =>
    completeCheck(ctx.octokit!, { owner: ctx.event.owner, repo: ctx.event.repo }, ctx.checkId!, {
      conclusion: 'failure',
      title: 'Safety gate could not evaluate the change',
      summary: `The gate failed before reaching a verdict, so it cannot say the change is safe.\n\n${mdCodeBlock(message.slice(0, 5000))}`,
      annotations: [],
    }),
  );
}

/** What every mode that gates a change passes to the use case: the inputs, where files go, how to report progress. */
export function changeOptions(ctx: Context) {
  const { inputs } = ctx;
  // mode rejudge reads the head's stored gate, never results inputs (the job that made them did not run).
  const results =
    inputs.mode === 'rejudge'
      ? {}
      : { baselineResults: inputs.baselineResults, candidateResults: inputs.candidateResults };
  return {
    workspace: ctx.workspace,
    tempDir: tempDir(ctx),
    outDir: ctx.outDir,
    config: inputs.config,
    samples: inputs.samples,
    concurrency: inputs.concurrency,
    cacheDir: cacheDir(ctx),
    ...results,
    failOn: inputs.failOn,
    reportUrl: ctx.runUrl,
    progress: (side: string) => progressReporter(side, process.stdout),
    notice: (m: string) => core.notice(`Safety gate: ${m}`),
    onLook: (m: string) => core.info(`Safety gate: ${m}`),
    info: (m: string) => core.info(`Safety gate: ${m}`),
    // Results files given as inputs, or re-judging, need no base run, so no cache (and no notice about one).
    baselineCache:
      inputs.baselineResults || inputs.candidateResults || inputs.mode === 'rejudge'
        ? undefined
        : actionsCache(inputs.baselineCache),
  };
}

/**
 * Sign-offs from the pull request: its comments and its approving reviews, judged by the base's lists. Unreadable
 * on a read-only token, and then nothing is cleared. Undefined outside a pull request or without the API.
 */
export function prSignoffs(ctx: Context): SignoffSource | undefined {
  const { octokit, event } = ctx;
  if (!octokit || !event.prNumber) return undefined;
  const repo = { owner: event.owner, repo: event.repo };
  return {
    requests: async () => {
      const comments = await tryApi('read sign-offs from the PR comments', () => prComments(ctx));
      const reviews = await tryApi('read the PR reviews', () => listReviews(octokit, repo, event.prNumber!));
      return comments && signoffRequests(comments, reviews ?? []);
    },
    isMember: teamMembership(octokit),
    author: event.author,
  };
}

/**
 * On a sign-off (a PR comment or review), the last gate of the head is re-judged from its artifact instead of
 * running both agents again; other events run them. mode rejudge re-judges on any pull request event.
 */
export function storedGate(ctx: Context): StoredGateSource | undefined {
  const { octokit, event, inputs } = ctx;
  const signoff = ['issue_comment', 'pull_request_review'].includes(event.name);
  if (!(signoff || inputs.mode === 'rejudge') || !event.prNumber) return undefined;
  if (!octokit) return async () => ({ why: 'there is no github-token to read its artifact with' });
  const repo = { owner: event.owner, repo: event.repo };
  const dir = join(tempDir(ctx), 'safety-gate-stored');
  return (headSha) =>
    downloadGateArtifact(octokit, repo, {
      name: inputs.artifactName,
      headSha,
      prNumber: event.prNumber!,
      dir,
      token: inputs.token,
      runId: process.env.GITHUB_RUN_ID,
    });
}
