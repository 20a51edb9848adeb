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
 * The workflow that made an artifact: its file in the repository (the run's `path`) and its id. Re-judging trusts
 * only the gate's own workflow, so a workflow the head adds cannot plant a gate under the gate's artifact name.
 */
export interface ArtifactOrigin {
  workflowId: number;
  /** `.github/workflows/….yml` for a workflow of this repository. */
  path: string;
}

async function workflowOf(
  octokit: Octokit,
  repo: { owner: string; repo: string },
  runId: number,
): Promise<ArtifactOrigin> {
  const run = (await octokit.rest.actions.getWorkflowRun({ ...repo, run_id: runId })).data;
  return { workflowId: run.workflow_id, path: run.path };
}

/**
 * The newest unexpired artifact `name` made on `headSha` by a run of THIS run's workflow (List artifacts for a
 * repository, filtered by name; each candidate's run read to compare workflow ids), downloaded and unpacked into
 * `dir` through the REST API (needs `actions: read`); or why not. Artifacts of other workflows are skipped: a pull
 * request can add a workflow, and that workflow runs the head's code with the runtime token.
 */
export async function downloadGateArtifact(
  octokit: Octokit,
  repo: { owner: string; repo: string },
  o: { name: string; headSha: string; dir: string; token: string; runId?: string },
): Promise<{ dir: string; origin: ArtifactOrigin } | { why: string }> {
  if (!o.runId || !/^\d+$/.test(o.runId))
    return { why: 'this run has no GITHUB_RUN_ID, so the workflow that made an artifact cannot be checked' };
  let artifacts;
  let mine: ArtifactOrigin;
  try {
    mine = await workflowOf(octokit, repo, Number(o.runId));
    artifacts = (await octokit.rest.actions.listArtifactsForRepo({ ...repo, name: o.name, per_page: 100 }))
      .data.artifacts;
  } catch (e) {
    return {
      why: `its artifacts could not be listed (${describeApiError(e)}; the token needs actions: read)`,
    };
  }
  const made = artifacts
    .filter((a) => a.name === o.name && !a.expired && a.workflow_run?.head_sha === o.headSha)
    .sort((a, b) => Date.parse(b.created_at ?? '') - Date.parse(a.created_at ?? ''));
  if (!made.length) return { why: `no unexpired artifact "${o.name}" was made on it` };
  const others: string[] = [];
  for (const a of made) {
    const runId = a.workflow_run?.id;
    if (!runId) continue;
    let origin: ArtifactOrigin;
    try {
      origin = await workflowOf(octokit, repo, runId);
    } catch (e) {
      return { why: `the run that made its artifact ${a.id} could not be read (${describeApiError(e)})` };
    }
    if (origin.workflowId !== mine.workflowId) {
      others.push(`${a.id} (${origin.path})`);
      continue;
    }
    rmSync(o.dir, { recursive: true, force: true });
    mkdirSync(o.dir, { recursive: true });
    try {
      await new DefaultArtifactClient().downloadArtifact(a.id, {
        path: o.dir,
        findBy: {
          token: o.token,
          workflowRunId: runId,
          repositoryOwner: repo.owner,
          repositoryName: repo.repo,
        },
      });
    } catch (e) {
      return { why: `its artifact ${a.id} could not be downloaded (${describeApiError(e)})` };
    }
    return { dir: o.dir, origin };
  }
  return {
    why: `no artifact "${o.name}" made on it by this workflow (${mine.path}); not trusted, made by other workflows: ${others.join(', ')}`,
  };
}
