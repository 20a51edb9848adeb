import type { Octokit } from './api.js';
import { redactAll } from '../util/secrets.js';

/** Hidden marker that identifies our sticky comment; the check name keeps two gates in one PR apart. */
export function commentMarker(checkName: string): string {
  return `<!-- agentic-safety-gate: ${checkName.replace(/-->/g, '')} -->`;
}

/** Who our comments are written by: the token's user, or the Actions bot for a GITHUB_TOKEN (which cannot ask). */
async function selfLogin(octokit: Octokit): Promise<string> {
  try {
    const me = await octokit.rest.users.getAuthenticated();
    return me.data.login;
  } catch {
    return 'github-actions[bot]';
  }
}

/** Every comment of a pull request, oldest first: read once per run by the sticky comment and the sign-offs. */
export function listComments(octokit: Octokit, repo: { owner: string; repo: string }, issue: number) {
  return octokit.paginate(octokit.rest.issues.listComments, { ...repo, issue_number: issue, per_page: 100 });
}

export type IssueComment = Awaited<ReturnType<typeof listComments>>[number];

/**
 * One sticky comment per PR and check name: found by the hidden marker AND our own author (someone quoting the
 * marker must not get their comment overwritten), updated in place, created only when absent.
 */
export async function upsertComment(
  octokit: Octokit,
  repo: { owner: string; repo: string },
  issue: number,
  checkName: string,
  body: string,
  listed?: IssueComment[],
): Promise<{ id: number; created: boolean }> {
  const marker = commentMarker(checkName);
  const login = await selfLogin(octokit);
  const comments = listed ?? (await listComments(octokit, repo, issue));
  const mine = comments.find((c) => c.user?.login === login && (c.body ?? '').includes(marker));
  // Redacted as every file is (writeArtifact): a pull request's comments are often public.
  const full = `${marker}\n${redactAll(body)}`;
  if (mine) {
    await octokit.rest.issues.updateComment({ ...repo, comment_id: mine.id, body: full });
    return { id: mine.id, created: false };
  }
  const res = await octokit.rest.issues.createComment({ ...repo, issue_number: issue, body: full });
  return { id: res.data.id, created: true };
}
