import { readFileSync } from 'node:fs';

/** What the gate needs from the workflow event: which commits to compare, where to report. */
export interface GateEvent {
  name: string;
  owner: string;
  repo: string;
  /** Baseline commit (PR base, push before), when the event says. */
  baseSha?: string;
  /** Candidate commit (PR head, push after): the check run goes on it. */
  headSha?: string;
  prNumber?: number;
  /** A pull request from a fork: its token is read-only, so no check run or comment. */
  fork: boolean;
  headRef?: string;
  /** Who opened the pull request: nobody signs off their own change. */
  author?: string;
  /**
   * `workflow_run`: the run that triggered this one was of another repository's code (a fork's pull request), or
   * the event does not say whose. This run still holds this repository's secrets and write token.
   */
  foreignHead?: boolean;
}

const ZERO = /^0+$/;

/**
 * Why the agent of this event's head must not run here, or null. `pull_request_target` runs in the base's context
 * with the repository's secrets and a write token, whoever opened the pull request: the head's code (its agent,
 * its rules) would get both. Gate it with `pull_request` (a fork gets no secrets there), or gate results that a
 * `pull_request` job uploaded (baseline-results / candidate-results), which runs no head code.
 *
 * `monitor` mode checks out nothing: it loads the workspace's config and rule modules and runs its shadow-target
 * agent. On these events the workspace may hold the pull request's head (a workflow that checks it out), and the
 * action cannot tell, so monitoring is refused there outright (it has no results to gate instead).
 */
export function headCodeRefusal(event: GateEvent, mode?: 'monitor'): string | null {
  const untrusted =
    event.name === 'pull_request_target'
      ? 'the pull_request_target event'
      : event.name === 'workflow_run' && event.foreignHead
        ? "a workflow_run triggered by a fork's pull request (workflow_run.head_repository is not this repository)"
        : null;
  if (!untrusted) return null;
  if (mode === 'monitor')
    return `mode monitor loads the workspace's config and rule modules and runs its shadow-target agent; ${untrusted} runs with this repository's secrets and write token, and its workspace may hold the pull request's own code: the gate will not run there. Monitor on schedule, workflow_dispatch or push; see docs/threat_model.md`;
  if (event.name === 'pull_request_target')
    return "the pull_request_target event runs with this repository's secrets and write token: the gate will not run the pull request's own agent there. Run the agents on `pull_request` (mode run) and gate the uploaded results (baseline-results / candidate-results); see docs/threat_model.md";
  // The privilege-split pattern's second job: it exists to publish for forks, never to run their code.
  return "this workflow_run was triggered by a fork's pull request (workflow_run.head_repository is not this repository) and runs with this repository's secrets and write token: the gate will not run the fork's agent there. Gate the results its pull_request run uploaded (baseline-results / candidate-results); see docs/threat_model.md";
}

export function readEvent(env: NodeJS.ProcessEnv = process.env): GateEvent {
  const name = env.GITHUB_EVENT_NAME ?? '';
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
  let payload: Record<string, unknown> = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as Record<string, unknown>;
    } catch (e) {
      throw new Error(
        `cannot read the workflow event at GITHUB_EVENT_PATH (${env.GITHUB_EVENT_PATH}): ${(e as Error).message}`,
      );
    }
  }
  const ev: GateEvent = { name, owner, repo, fork: false };
  const pr = payload.pull_request as
    | {
        number: number;
        base: { sha: string; repo?: { full_name?: string } };
        head: { sha: string; ref?: string; repo?: { full_name?: string } | null };
        user?: { login?: string };
      }
    | undefined;
  if (pr && (name === 'pull_request' || name === 'pull_request_target' || name === 'pull_request_review')) {
    ev.baseSha = pr.base.sha;
    ev.headSha = pr.head.sha;
    ev.prNumber = pr.number;
    ev.headRef = pr.head.ref;
    ev.fork = !pr.head.repo || pr.head.repo.full_name !== pr.base.repo?.full_name;
    ev.author = pr.user?.login;
  } else if (
    name === 'issue_comment' &&
    (payload.issue as { pull_request?: unknown } | undefined)?.pull_request
  ) {
    // A comment on a pull request (a sign-off, say): the commits are looked up through the API.
    ev.prNumber = (payload.issue as { number: number }).number;
  } else if (name === 'workflow_run') {
    const run = payload.workflow_run as
      { head_repository?: { full_name?: string } | null; repository?: { full_name?: string } } | undefined;
    const own = run?.repository?.full_name ?? `${owner}/${repo}`;
    const head = run?.head_repository?.full_name;
    // Fails closed: a payload that does not name the head's repository is treated as a fork's.
    ev.foreignHead = !head || head.toLowerCase() !== own.toLowerCase();
    ev.headSha = env.GITHUB_SHA;
    ev.headRef = env.GITHUB_REF_NAME;
  } else if (name === 'push') {
    const before = payload.before as string | undefined;
    ev.baseSha = before && !ZERO.test(before) ? before : undefined;
    ev.headSha = (payload.after as string | undefined) ?? env.GITHUB_SHA;
    ev.headRef = env.GITHUB_REF_NAME;
  } else {
    ev.headSha = env.GITHUB_SHA;
    ev.headRef = env.GITHUB_REF_NAME;
  }
  return ev;
}

/** The slice of the GitHub API `resolvePullRequest` needs (a real Octokit, or a fake in unit tests). */
export interface PullsApi {
  rest: {
    pulls: {
      get(p: { owner: string; repo: string; pull_number: number }): Promise<{
        data: {
          base: { sha: string; repo: { full_name: string } };
          head: { sha: string; ref?: string; repo: { full_name: string } | null };
          user?: { login?: string } | null;
        };
      }>;
    };
  };
}

/**
 * An `issue_comment` event names the pull request but not its commits: they are looked up. issue_comment runs with
 * this repository's secrets and write token, so a fork's pull request is refused here: running its agent code would
 * hand both to whoever opened it. Other events are returned as they are.
 */
export async function resolvePullRequest(event: GateEvent, api: PullsApi | undefined): Promise<GateEvent> {
  if (event.name !== 'issue_comment' || !event.prNumber || event.headSha) return event;
  if (!api) throw new Error('a run on a pull request comment needs github-token to look up the pull request');
  const pr = (await api.rest.pulls.get({ owner: event.owner, repo: event.repo, pull_number: event.prNumber }))
    .data;
  const fork = !pr.head.repo || pr.head.repo.full_name !== pr.base.repo.full_name;
  if (fork)
    throw new Error(
      "a pull request from a fork cannot be re-gated from a comment (its code would run with this repository's secrets); sign-offs on fork PRs are read by the next pull_request run",
    );
  return {
    ...event,
    baseSha: pr.base.sha,
    headSha: pr.head.sha,
    headRef: pr.head.ref,
    author: pr.user?.login,
    fork,
  };
}
