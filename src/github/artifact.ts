import { mkdirSync, rmSync } from 'node:fs';
import { DefaultArtifactClient } from '@actions/artifact';
import { describeApiError, type Octokit } from './api.js';
import { isCommitSha } from '../git/local.js';

/** Uploads the reports and results; undefined (the caller says why) where the artifact service is not available. */
export async function uploadArtifact(
  name: string,
  files: string[],
  rootDir: string,
  retentionDays?: number,
): Promise<number | undefined> {
  if (!process.env.ACTIONS_RUNTIME_TOKEN || !process.env.ACTIONS_RESULTS_URL) return undefined;
  const client = new DefaultArtifactClient();
  const res = await client.uploadArtifact(name, files, rootDir, retentionDays ? { retentionDays } : {});
  return res.id;
}

/**
 * Where a stored gate came from: the gate workflow's file (repository path), its run, and the base commit GitHub
 * lists for this pull request on that run. Re-judging holds the base to this gate's and the workflow files to the
 * base's (see rejudge.ts).
 */
export interface ArtifactOrigin {
  /** `.github/workflows/….yml`. */
  path: string;
  runId: number;
  /** The base commit of this pull request as GitHub lists it on that run. */
  baseSha: string;
}

type Repo = { owner: string; repo: string };

/**
 * Whether a run can only have been this pull request's. GitHub lists under a run's `pull_requests` the open pull
 * requests whose head matches it, not the one that started it, so: exactly this one is listed, and no other pull
 * request, open or closed, was ever opened from the branch the run ran on (another pull request from the same head
 * into a branch with a rewritten gate would otherwise pass for this one once closed).
 */
async function onlyThisPull(
  octokit: Octokit,
  repo: Repo,
  run: { pull_requests?: Array<{ number: number }> | null; head_branch?: string | null },
  prNumber: number,
  branches: Map<string, Promise<boolean>>,
): Promise<boolean> {
  const listed = run.pull_requests ?? [];
  const branch = run.head_branch;
  if (listed.length !== 1 || listed[0].number !== prNumber || !branch) return false;
  // Runs on one head commit are mostly on one branch: asked once.
  let only = branches.get(branch);
  if (!only) {
    only = octokit.rest.pulls
      .list({ ...repo, state: 'all', head: `${repo.owner}:${branch}`, per_page: 100 })
      .then(({ data }) => data.length > 0 && data.every((p) => p.number === prNumber));
    branches.set(branch, only);
  }
  return only;
}

/** When the pull request's base branch was last changed (ms), if ever: runs before that followed another base. */
async function lastRetarget(octokit: Octokit, repo: Repo, prNumber: number): Promise<number | undefined> {
  const events = await octokit.paginate(octokit.rest.issues.listEvents, {
    ...repo,
    issue_number: prNumber,
    per_page: 100,
  });
  const times = events
    .filter((e) => e.event === 'base_ref_changed')
    .map((e) => Date.parse(e.created_at) || Number.POSITIVE_INFINITY);
  return times.length ? Math.max(...times) : undefined;
}

/** This run's workflow: its id and its file, read from the workflow itself (a run's `path` may carry a ref). */
async function myWorkflow(
  octokit: Octokit,
  repo: Repo,
  runId: number,
): Promise<{ id: number; path: string }> {
  const run = (await octokit.rest.actions.getWorkflowRun({ ...repo, run_id: runId })).data;
  const wf = (await octokit.rest.actions.getWorkflow({ ...repo, workflow_id: run.workflow_id })).data;
  return { id: run.workflow_id, path: wf.path };
}

/**
 * The last gate artifact `name` made on `headSha` for pull request `prNumber` by a pull_request run of THIS run's
 * workflow (its runs on that commit, newest first, then each run's artifacts), downloaded and unpacked into `dir`
 * through the REST API (needs `actions: read`); or why not. A pull request can add a workflow, or run the gate's
 * workflow for another pull request on the same commit (say, into a branch whose copy of the workflow it rewrote):
 * neither run is taken.
 */
export async function downloadGateArtifact(
  octokit: Octokit,
  repo: Repo,
  o: { name: string; headSha: string; prNumber: number; dir: string; token: string; runId?: string },
): Promise<{ dir: string; origin: ArtifactOrigin } | { why: string }> {
  if (!o.runId || !/^\d+$/.test(o.runId))
    return { why: 'this run has no GITHUB_RUN_ID, so the workflow that made an artifact cannot be checked' };
  let found: { artifactId: number; origin: ArtifactOrigin } | undefined;
  let mine: { id: number; path: string };
  try {
    mine = await myWorkflow(octokit, repo, Number(o.runId));
    if (!/^\.github\/workflows\/[^/@]+\.ya?ml$/.test(mine.path))
      return {
        why: `this workflow's file (${JSON.stringify(mine.path)}) is not one of this repository's workflows`,
      };
    const runs = (
      await octokit.rest.actions.listWorkflowRuns({
        ...repo,
        workflow_id: mine.id,
        head_sha: o.headSha,
        event: 'pull_request',
        per_page: 50,
      })
    ).data.workflow_runs
      .filter((r) => r.head_sha === o.headSha && r.event === 'pull_request')
      .sort((a, b) => (Date.parse(b.created_at) || 0) - (Date.parse(a.created_at) || 0));
    const since = await lastRetarget(octokit, repo, o.prNumber);
    const branches = new Map<string, Promise<boolean>>();
    for (const run of runs) {
      // A run before the pull request's base last changed followed another base's workflow files.
      if (since !== undefined && !(Date.parse(run.created_at) > since)) continue;
      if (!(await onlyThisPull(octokit, repo, run, o.prNumber, branches))) continue;
      const artifact = (
        await octokit.rest.actions.listWorkflowRunArtifacts({
          ...repo,
          run_id: run.id,
          name: o.name,
          per_page: 10,
        })
      ).data.artifacts.find((a) => a.name === o.name && !a.expired);
      if (!artifact) continue;
      const baseSha = run.pull_requests![0].base?.sha;
      if (!isCommitSha(baseSha)) continue;
      found = { artifactId: artifact.id, origin: { path: mine.path, runId: run.id, baseSha } };
      break;
    }
  } catch (e) {
    return {
      why: `its workflow runs and artifacts could not be read (${describeApiError(e)}; the token needs actions: read and pull-requests: read)`,
    };
  }
  if (!found)
    return {
      why: `no unexpired artifact "${o.name}" was made on it by a pull_request run of this workflow (${mine.path}) for #${o.prNumber}`,
    };
  rmSync(o.dir, { recursive: true, force: true });
  mkdirSync(o.dir, { recursive: true });
  try {
    await new DefaultArtifactClient().downloadArtifact(found.artifactId, {
      path: o.dir,
      findBy: {
        token: o.token,
        workflowRunId: found.origin.runId,
        repositoryOwner: repo.owner,
        repositoryName: repo.repo,
      },
    });
  } catch (e) {
    return { why: `its artifact ${found.artifactId} could not be downloaded (${describeApiError(e)})` };
  }
  return { dir: o.dir, origin: found.origin };
}
