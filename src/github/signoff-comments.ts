import { parseCommand, type SignoffRequest } from '../policy/signoff.js';
import type { Octokit } from './api.js';
import type { IssueComment } from './comment.js';

/**
 * Sign-off commands in a pull request's comments, oldest first. Bots' comments are skipped: our own sticky
 * comment shows the command to type, and no bot signs off a safety verdict.
 */
export function signoffRequests(comments: IssueComment[]): SignoffRequest[] {
  const out: SignoffRequest[] = [];
  for (const c of comments) {
    if (!c.user || c.user.type === 'Bot') continue;
    const cmd = parseCommand(c.body ?? '');
    if (!cmd) continue;
    out.push({ ...cmd, by: c.user.login, at: c.created_at, source: c.html_url });
  }
  return out;
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
