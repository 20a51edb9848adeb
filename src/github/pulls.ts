import * as core from '@actions/core';
import type { CommitPulls, PullApproval } from '../app/release.js';
import { describeApiError, type Octokit } from './api.js';
import { listReviews, type Review } from './signoff-comments.js';

/**
 * Who approved a pull request's final change: each reviewer's standing review is their last APPROVED,
 * CHANGES_REQUESTED or DISMISSED one (a COMMENTED review changes nothing), and it approves the merge only when it
 * is APPROVED on the pull request's last head commit. An approval of an earlier head, or one since dismissed or
 * withdrawn, is `stale`. Bots approve nothing.
 */
export function approvals(
  pr: { number: number; html_url?: string; head?: { sha?: string } },
  reviews: Review[],
): PullApproval {
  const standing = new Map<string, Review>();
  const everApproved = new Set<string>();
  for (const r of reviews) {
    if (!r.user || r.user.type === 'Bot') continue;
    const login = r.user.login;
    if (r.state === 'APPROVED') everApproved.add(login);
    if (r.state === 'APPROVED' || r.state === 'CHANGES_REQUESTED' || r.state === 'DISMISSED')
      standing.set(login, r);
  }
  const head = pr.head?.sha;
  const approvers = [...standing.values()]
    .filter((r) => r.state === 'APPROVED' && head !== undefined && r.commit_id === head)
    .map((r) => r.user!.login);
  return {
    number: pr.number,
    url: pr.html_url,
    approvers,
    stale: [...everApproved].filter((l) => !approvers.includes(l)),
  };
}

/**
 * The merged pull requests a commit belongs to (`GET /repos/{o}/{r}/commits/{sha}/pulls`), each with its
 * approvals (`GET /repos/{o}/{r}/pulls/{n}/reviews`). A failed call is a warning and counts as no pull request:
 * an approval that cannot be shown does not count.
 */
export function commitPulls(octokit: Octokit | undefined, owner: string, repo: string): CommitPulls {
  return async (sha) => {
    if (!octokit) return [];
    try {
      const res = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
        owner,
        repo,
        commit_sha: sha,
        per_page: 100,
      });
      const merged = res.data.filter((pr) => pr.merged_at);
      const out: PullApproval[] = [];
      for (const pr of merged)
        out.push(approvals(pr, await listReviews(octokit, { owner, repo }, pr.number)));
      return out;
    } catch (e) {
      core.warning(
        `Safety gate: could not look up the pull requests of ${sha.slice(0, 12)}: ${describeApiError(e)}`,
      );
      return [];
    }
  };
}
