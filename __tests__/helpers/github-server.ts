import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Recorded {
  method: string;
  path: string;
  body: unknown;
  auth?: string;
}

export interface Comment {
  id: number;
  body: string;
  user: { login: string; type: string };
  created_at: string;
  updated_at: string;
  html_url: string;
}

export interface Review {
  id: number;
  user: { login: string; type: string };
  body: string;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED';
  commit_id: string;
  submitted_at: string;
  html_url: string;
  pull_request_url: string;
}

export interface StoredArtifact {
  id: number;
  name: string;
  /** The workflow run that made it, and the commit that run was on. */
  runId: number;
  headSha: string;
  createdAt: string;
  expired?: boolean;
  zip: Buffer;
}

export interface WorkflowRun {
  workflowId: number;
  /** The workflow file, as GitHub reports it: `.github/workflows/x.yml`. */
  path: string;
  event: string;
  headSha: string;
  createdAt?: string;
  /** The branch the run ran on (default `feature`, PR 7's head). */
  headBranch?: string;
  /**
   * What GitHub lists under the run's `pull_requests`: the OPEN pull requests whose head matches the run, with
   * their base now, not necessarily the one that started it.
   */
  pullRequests?: Array<{ number: number; baseSha: string; baseRef?: string }>;
}

/** The gate's own workflow in these tests. */
export const GATE_WORKFLOW = { workflowId: 77, path: '.github/workflows/pr-gate.yml' };

export interface FakeGitHub {
  url: string;
  requests: Recorded[];
  comments: Comment[];
  checkRuns: Map<number, Record<string, unknown>>;
  /** A person's comment on the PR, as GitHub would store it. */
  addComment(login: string, body: string): Comment;
  /** A pull request review (of PR 7 unless `pull` says), with the commit GitHub records it was made on. */
  addReview(login: string, body: string, commitId: string, state?: Review['state'], pull?: number): Review;
  reviews: Review[];
  /** `org/slug` -> member logins, for the team membership endpoint. */
  teams: Record<string, string[]>;
  /** Pull requests by number, for GET /repos/o/r/pulls/n. */
  pulls: Map<number, Record<string, unknown>>;
  /** Commit sha -> the GitHub login of its author, for GET /repos/o/r/commits/sha (others: author null). */
  commitAuthors: Record<string, string>;
  /** A merged pull request as GitHub returns it, stored in `pulls`: by `author`, its last head commit `head`. */
  addMergedPull(number: number, author: string, head: string, mergeCommit: string): Record<string, unknown>;
  /** Commit sha -> the numbers of the pull requests it belongs to, for GET /repos/o/r/commits/sha/pulls. */
  commitPulls: Record<string, number[]>;
  /** Answer 403 to the check-run and comment endpoints, like a read-only token. */
  forbid: boolean;
  /** Workflow artifacts (List artifacts for a repository; download through a 302 to a signed blob URL). */
  artifacts: StoredArtifact[];
  /**
   * Workflow runs by id (Get a workflow run): the workflow each belongs to. Run 4242, the id the action runs
   * under in these tests, is a run of the gate's workflow (GATE_WORKFLOW).
   */
  runs: Map<number, WorkflowRun>;
  /** Issue events by pull request number (List issue events), e.g. `base_ref_changed`. */
  issueEvents: Record<number, Array<{ event: string; created_at: string }>>;
  close(): Promise<void>;
}

/**
 * A loopback server speaking the GitHub REST endpoints the action calls: check runs, issue comments, the token's
 * user (403, as for a GITHUB_TOKEN), reviews, team memberships, commits and the pull requests of a commit. It records every request and keeps state across runs like GitHub would.
 */
export async function startFakeGitHub(): Promise<FakeGitHub> {
  let nextId = 1000;
  const state: FakeGitHub = {
    url: '',
    requests: [],
    comments: [],
    checkRuns: new Map(),
    forbid: false,
    artifacts: [],
    runs: new Map([[4242, { ...GATE_WORKFLOW, event: 'issue_comment', headSha: 'a'.repeat(40) }]]),
    issueEvents: {},
    teams: {},
    commitAuthors: {},
    commitPulls: {},
    pulls: new Map(),
    addMergedPull: (number, author, head, mergeCommit) => {
      const at = new Date(Date.now() - 3_600_000).toISOString();
      const pr = {
        url: `${state.url}/repos/acme/agent/pulls/${number}`,
        id: 500_000 + number,
        number,
        state: 'closed',
        locked: false,
        title: `PR ${number}`,
        user: { login: author, type: 'User' },
        body: null,
        created_at: at,
        updated_at: at,
        closed_at: at,
        merged_at: at,
        merge_commit_sha: mergeCommit,
        draft: false,
        head: { ref: `topic-${number}`, sha: head, label: `acme:topic-${number}` },
        base: { ref: 'main', sha: mergeCommit, label: 'acme:main' },
        html_url: `https://github.example/acme/agent/pull/${number}`,
        author_association: 'MEMBER',
      };
      state.pulls.set(number, pr);
      return pr;
    },
    addComment: (login, body) => newComment(login, 'User', body),
    reviews: [],
    addReview: (login, body, commitId, reviewState = 'APPROVED', pull = 7) => {
      const id = nextId++;
      const r: Review = {
        id,
        user: { login, type: 'User' },
        body,
        state: reviewState,
        commit_id: commitId,
        submitted_at: new Date().toISOString(),
        html_url: `https://github.example/acme/agent/pull/${pull}#pullrequestreview-${id}`,
        pull_request_url: `${state.url}/repos/acme/agent/pulls/${pull}`,
      };
      state.reviews.push(r);
      return r;
    },
    close: async () => {},
  };
  function newComment(login: string, type: string, body: string): Comment {
    const id = nextId++;
    const at = new Date(Date.now() - 60_000).toISOString();
    const c = {
      id,
      body,
      user: { login, type },
      created_at: at,
      updated_at: at,
      html_url: `https://github.example/acme/agent/pull/7#issuecomment-${id}`,
    };
    state.comments.push(c);
    return c;
  }
  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  };
  const forbidden = (res: ServerResponse) =>
    send(res, 403, {
      message: 'Resource not accessible by integration',
      documentation_url: 'https://docs.github.com/rest',
    });
  const handle = (req: IncomingMessage, res: ServerResponse, raw: string) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : undefined;
    state.requests.push({
      method: req.method ?? '',
      path: url.pathname,
      body,
      auth: req.headers.authorization,
    });
    const m = (re: RegExp) => re.exec(url.pathname);
    let r: RegExpExecArray | null;
    if (req.method === 'GET' && url.pathname === '/user') return forbidden(res);
    if (req.method === 'POST' && (r = m(/^\/repos\/([^/]+)\/([^/]+)\/check-runs$/))) {
      if (state.forbid) return forbidden(res);
      const id = nextId++;
      const run = { id, ...body };
      state.checkRuns.set(id, run);
      return send(res, 201, run);
    }
    if (req.method === 'PATCH' && (r = m(/^\/repos\/[^/]+\/[^/]+\/check-runs\/(\d+)$/))) {
      if (state.forbid) return forbidden(res);
      const run = state.checkRuns.get(Number(r[1]));
      if (!run) return send(res, 404, { message: 'Not Found' });
      Object.assign(run, body);
      return send(res, 200, run);
    }
    if (req.method === 'GET' && (r = m(/^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/))) {
      if (state.forbid) return forbidden(res);
      return send(res, 200, state.comments);
    }
    if (req.method === 'POST' && (r = m(/^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/))) {
      if (state.forbid) return forbidden(res);
      return send(res, 201, newComment('github-actions[bot]', 'Bot', String(body?.body ?? '')));
    }
    if (req.method === 'PATCH' && (r = m(/^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/))) {
      if (state.forbid) return forbidden(res);
      const c = state.comments.find((x) => x.id === Number(r![1]));
      if (!c) return send(res, 404, { message: 'Not Found' });
      c.body = String(body?.body ?? '');
      // GitHub records every edit: updated_at moves, created_at and the author stay.
      c.updated_at = new Date().toISOString();
      return send(res, 200, c);
    }
    if (req.method === 'GET' && (r = m(/^\/orgs\/([^/]+)\/teams\/([^/]+)\/memberships\/([^/]+)$/))) {
      const members = state.teams[`${r[1]}/${r[2]}`.toLowerCase()];
      if (!members) return forbidden(res);
      return members.includes(r[3])
        ? send(res, 200, { state: 'active', role: 'member' })
        : send(res, 404, { message: 'Not Found' });
    }
    if (req.method === 'GET' && (r = m(/^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)\/reviews$/))) {
      if (state.forbid) return forbidden(res);
      return send(
        res,
        200,
        state.reviews.filter((x) => x.pull_request_url.endsWith(`/pulls/${r![1]}`)),
      );
    }
    if (req.method === 'GET' && (r = m(/^\/repos\/[^/]+\/[^/]+\/commits\/([0-9a-f]{40})\/pulls$/))) {
      // GitHub lists open and closed pull requests alike; merged ones carry merged_at.
      const prs = (state.commitPulls[r[1]] ?? []).map((n) => state.pulls.get(n)).filter(Boolean);
      return send(res, 200, prs);
    }
    if (req.method === 'GET' && (r = m(/^\/repos\/[^/]+\/[^/]+\/commits\/([0-9a-f]{40})$/))) {
      const login = state.commitAuthors[r[1]];
      return send(res, 200, { sha: r[1], author: login ? { login, type: 'User' } : null });
    }
    if (req.method === 'GET' && (r = m(/^\/repos\/[^/]+\/[^/]+\/pulls$/))) {
      const head = url.searchParams.get('head');
      const list = [...state.pulls.values()].filter((p) => {
        const h = p.head as { ref?: string } | undefined;
        return !head || `acme:${h?.ref}` === head;
      });
      return send(res, 200, list);
    }
    if (req.method === 'GET' && (r = m(/^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/events$/))) {
      return send(res, 200, state.issueEvents[Number(r[1])] ?? []);
    }
    if (req.method === 'GET' && (r = m(/^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)$/))) {
      const pr = state.pulls.get(Number(r[1]));
      return pr ? send(res, 200, pr) : send(res, 404, { message: 'Not Found' });
    }
    if (req.method === 'GET' && (r = m(/^\/repos\/[^/]+\/[^/]+\/actions\/artifacts$/))) {
      const name = url.searchParams.get('name');
      const list = state.artifacts.filter((a) => !name || a.name === name);
      return send(res, 200, {
        total_count: list.length,
        artifacts: list.map(artifactJson),
      });
    }
    if (req.method === 'GET' && (r = m(/^\/repos\/[^/]+\/[^/]+\/actions\/runs\/(\d+)$/))) {
      const run = state.runs.get(Number(r[1]));
      return run ? send(res, 200, runJson(Number(r[1]), run)) : send(res, 404, { message: 'Not Found' });
    }
    if (req.method === 'GET' && (r = m(/^\/repos\/[^/]+\/[^/]+\/actions\/workflows\/(\d+)$/))) {
      const run = [...state.runs.values()].find((x) => x.workflowId === Number(r![1]));
      if (!run) return send(res, 404, { message: 'Not Found' });
      return send(res, 200, { id: run.workflowId, name: run.path, path: run.path, state: 'active' });
    }
    if (req.method === 'GET' && (r = m(/^\/repos\/[^/]+\/[^/]+\/actions\/workflows\/(\d+)\/runs$/))) {
      const q = url.searchParams;
      const runs = [...state.runs.entries()]
        .filter(([, x]) => x.workflowId === Number(r![1]))
        .filter(([, x]) => !q.get('head_sha') || x.headSha === q.get('head_sha'))
        .filter(([, x]) => !q.get('event') || x.event === q.get('event'))
        .map(([id, x]) => runJson(id, x))
        .sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at));
      return send(res, 200, { total_count: runs.length, workflow_runs: runs });
    }
    if (req.method === 'GET' && (r = m(/^\/repos\/[^/]+\/[^/]+\/actions\/runs\/(\d+)\/artifacts$/))) {
      const name = url.searchParams.get('name');
      const list = state.artifacts.filter((a) => a.runId === Number(r![1]) && (!name || a.name === name));
      return send(res, 200, { total_count: list.length, artifacts: list.map(artifactJson) });
    }
    if (req.method === 'GET' && (r = m(/^\/repos\/[^/]+\/[^/]+\/actions\/artifacts\/(\d+)\/zip$/))) {
      const a = state.artifacts.find((x) => x.id === Number(r![1]));
      if (!a || a.expired)
        return send(res, a ? 410 : 404, { message: a ? 'Artifact has expired' : 'Not Found' });
      res.writeHead(302, { location: `${state.url}/blobs/artifact-${a.id}.zip?sig=signed` });
      return res.end();
    }
    if (req.method === 'GET' && (r = m(/^\/blobs\/artifact-(\d+)\.zip$/))) {
      const a = state.artifacts.find((x) => x.id === Number(r![1]));
      if (!a) return send(res, 404, { message: 'BlobNotFound' });
      res.writeHead(200, { 'content-type': 'application/zip', 'content-length': String(a.zip.length) });
      return res.end(a.zip);
    }
    return send(res, 404, { message: `Not Found: ${req.method} ${url.pathname}` });
  };
  const artifactJson = (a: StoredArtifact) => ({
    id: a.id,
    node_id: `A_${a.id}`,
    name: a.name,
    size_in_bytes: a.zip.length,
    url: `${state.url}/repos/acme/agent/actions/artifacts/${a.id}`,
    archive_download_url: `${state.url}/repos/acme/agent/actions/artifacts/${a.id}/zip`,
    expired: a.expired ?? false,
    created_at: a.createdAt,
    updated_at: a.createdAt,
    expires_at: '2099-01-01T00:00:00Z',
    workflow_run: {
      id: a.runId,
      repository_id: 1,
      head_repository_id: 1,
      head_branch: 'feature',
      head_sha: a.headSha,
    },
  });
  const runJson = (id: number, run: WorkflowRun) => ({
    id,
    name: run.path.split('/').pop(),
    workflow_id: run.workflowId,
    path: run.path,
    event: run.event,
    head_sha: run.headSha,
    head_branch: run.headBranch ?? 'feature',
    status: 'completed',
    created_at: run.createdAt ?? '2026-11-01T00:00:00Z',
    html_url: `https://github.example/acme/agent/actions/runs/${id}`,
    pull_requests: (run.pullRequests ?? []).map((p) => ({
      id: 500_000 + p.number,
      number: p.number,
      url: `${state.url}/repos/acme/agent/pulls/${p.number}`,
      head: { ref: 'feature', sha: run.headSha, repo: { id: 1, name: 'agent' } },
      base: { ref: p.baseRef ?? 'main', sha: p.baseSha, repo: { id: 1, name: 'agent' } },
    })),
  });
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (d: string) => (raw += d));
    req.on('end', () => handle(req, res, raw));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () => new Promise((resolve) => server.close(() => resolve()));
  return state;
}
