import { parseCommand, type SignoffRequest } from '../policy/signoff.js';
import type { Octokit } from './api.js';
import type { IssueComment } from './comment.js';

/**
 * Sign-off commands in a pull request's comments, oldest first. Bots' comments are skipped: our own sticky
 * comment shows the command to type, and no bot signs off a safety verdict.
 */
export function signoffRequests(comments: IssueComment[], reviews: Review[] = []): SignoffRequest[] {
  const out: SignoffRequest[] = [];
  for (const c of comments) {
    if (!c.user || c.user.type === 'Bot') continue;
    const cmd = parseCommand(c.body ?? '');
    if (!cmd) continue;
    // Anyone with write access (a head's agent holding the token, say) can edit a comment; GitHub records when.
    const edited = Boolean(c.updated_at && c.updated_at !== c.created_at);
    out.push({ ...cmd, by: c.user.login, at: c.created_at, source: c.html_url, edited });
  }
  // An approving review: GitHub records which commit it approved (commit_id), and only its author can edit it.
  for (const r of reviews) {
    if (!r.user || r.user.type === 'Bot' || r.state !== 'APPROVED' || !r.commit_id) continue;
    const cmd = parseCommand(r.body ?? '');
    if (!cmd) continue;
    out.push({ ...cmd, sha: r.commit_id, by: r.user.login, at: r.submitted_at ?? '', source: r.html_url });
  }
  return out;
}

/** The fields of a pull request review that a sign-off rests on. */
export interface Review {
  user: { login: string; type?: string } | null;
  state: string;
  commit_id: string | null;
  body: string | null;
  submitted_at?: string;
  html_url: string;
}

/** Every review of a pull request, oldest first. */
export function listReviews(
  octokit: Octokit,
  repo: { owner: string; repo: string },
  pr: number,
): Promise<Review[]> {
  return octokit.paginate(octokit.rest.pulls.listReviews, { ...repo, pull_number: pr, per_page: 100 });
}

/** Team membership through the API; undefined when the token may not ask (a GITHUB_TOKEN cannot read teams). */
export function teamMembership(octokit: Octokit) {
  return async (team: string, login: string): Promise<boolean | undefined> => {
    const [org, slug] = team.split('/');
    try {
      const res = await octokit.rest.teams.getMembershipForUserInOrg({
        org,
        team_slug: slug,
        username: login,
      });
      return res.data.state === 'active';
    } catch (e) {
      const status = (e as { status?: number }).status;
      if (status === 404) return false;
      return undefined;
    }
  };
}
