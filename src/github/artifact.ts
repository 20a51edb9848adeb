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
 * The newest unexpired artifact `name` made by a workflow run on `headSha` (List artifacts for a repository,
 * filtered by name), downloaded and unpacked into `dir` through the REST API (needs `actions: read`); or why not.
 */
export async function downloadGateArtifact(
  octokit: Octokit,
  repo: { owner: string; repo: string },
  o: { name: string; headSha: string; dir: string; token: string },
): Promise<{ dir: string } | { why: string }> {
  let artifacts;
  try {
    artifacts = (await octokit.rest.actions.listArtifactsForRepo({ ...repo, name: o.name, per_page: 100 }))
      .data.artifacts;
  } catch (e) {
    return {
      why: `its artifacts could not be listed (${describeApiError(e)}; the token needs actions: read)`,
    };
  }
  const mine = artifacts
    .filter((a) => a.name === o.name && !a.expired && a.workflow_run?.head_sha === o.headSha)
    .sort((a, b) => Date.parse(b.created_at ?? '') - Date.parse(a.created_at ?? ''));
  const last = mine[0];
  if (!last?.workflow_run?.id) return { why: `no unexpired artifact "${o.name}" was made on it` };
  rmSync(o.dir, { recursive: true, force: true });
  mkdirSync(o.dir, { recursive: true });
  try {
    await new DefaultArtifactClient().downloadArtifact(last.id, {
      path: o.dir,
      findBy: {
        token: o.token,
        workflowRunId: last.workflow_run.id,
        repositoryOwner: repo.owner,
        repositoryName: repo.repo,
      },
    });
  } catch (e) {
    return { why: `its artifact ${last.id} could not be downloaded (${describeApiError(e)})` };
  }
  return { dir: o.dir };
}
