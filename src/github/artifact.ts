import { mkdirSync, rmSync } from 'node:fs';
import { DefaultArtifactClient } from '@actions/artifact';
import { describeApiError, type Octokit } from './api.js';

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
 * Where a stored gate came from: the gate workflow's file (repository path) and the base commit the pull request
 * run that made it was merged with. A pull_request run follows the workflow files of that merge, so re-judging
 * checks both against the checkouts (see rejudge.ts).
 */
export interface ArtifactOrigin {
  /** `.github/workflows/….yml`. */
  path: string;
  runId: number;
  /** The base commit of this pull request as that run recorded it. */
  baseSha: string;
}

type Repo = { owner: string; repo: string };

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
      .sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at));
    for (const run of runs) {
      // Only a run for this pull request: the same commit can be the head of another, into another base.
      const pr = run.pull_requests?.find((p) => p.number === o.prNumber);
      if (!pr) continue;
      const artifact = (
        await octokit.rest.actions.listWorkflowRunArtifacts({
          ...repo,
          run_id: run.id,
          name: o.name,
          per_page: 10,
        })
      ).data.artifacts.find((a) => a.name === o.name && !a.expired);
      if (!artifact) continue;
      found = { artifactId: artifact.id, origin: { path: mine.path, runId: run.id, baseSha: pr.base.sha } };
      break;
    }
  } catch (e) {
    return {
      why: `its workflow runs and artifacts could not be read (${describeApiError(e)}; the token needs actions: read)`,
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
