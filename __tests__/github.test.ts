import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getOctokit } from '@actions/github';
import { completeCheck, type Annotation } from '../src/github/checks.js';
import { upsertComment } from '../src/github/comment.js';
import { readEvent } from '../src/github/event.js';
import { loadProject } from '../src/app/project.js';
import { parseShard, selectShard } from '../src/runner/shard.js';
import { startFakeGitHub, type FakeGitHub } from './helpers/github-server.js';
import { runCli } from './helpers/cli.js';
import type { ResultsFile } from '../src/results/schema.js';

describe('GitHub REST calls against a loopback server', () => {
  let gh: FakeGitHub;
  beforeEach(async () => {
    gh = await startFakeGitHub();
  });
  afterEach(async () => gh.close());
  const repo = { owner: 'acme', repo: 'agent' };

  it('completes a check run with annotations 50 per request, the conclusion on the last', async () => {
    const octokit = getOctokit('t', { baseUrl: gh.url });
    const created = await octokit.rest.checks.create({
      ...repo,
      name: 'Safety gate',
      head_sha: 'a'.repeat(40),
      status: 'in_progress',
    });
    const annotations: Annotation[] = Array.from({ length: 120 }, (_, i) => ({
      path: 'safety/cases.yml',
      start_line: i + 1,
      end_line: i + 1,
      annotation_level: 'failure',
      title: `case ${i}`,
      message: 'regressed',
    }));
    await completeCheck(octokit, repo, created.data.id, {
      conclusion: 'failure',
      title: 'Safety gate: BLOCK',
      summary: 'x',
      annotations,
    });
    const patches = gh.requests.filter((r) => r.method === 'PATCH');
    expect(
      patches.map(
        (p) => ((p.body as { output: { annotations: unknown[] } }).output.annotations ?? []).length,
      ),
    ).toEqual([50, 50, 20]);
    expect(patches.map((p) => (p.body as { status?: string }).status)).toEqual([
      undefined,
      undefined,
      'completed',
    ]);
    expect((patches[2].body as { conclusion: string }).conclusion).toBe('failure');
  });

  it('a credential in a check summary, an annotation (violation evidence) or a comment is redacted before GitHub sees it', async () => {
    const octokit = getOctokit('t', { baseUrl: gh.url });
    const key = `ghp_${'A1b2C3d4e5'.repeat(4)}`;
    const created = await octokit.rest.checks.create({
      ...repo,
      name: 'Safety gate',
      head_sha: 'a'.repeat(40),
      status: 'in_progress',
    });
    await completeCheck(octokit, repo, created.data.id, {
      conclusion: 'failure',
      title: `Safety gate: BLOCK ${key}`,
      summary: `leaked ${key}`,
      annotations: [
        {
          path: 'safety/cases.yml',
          start_line: 1,
          end_line: 1,
          annotation_level: 'failure',
          title: `case ${key}`,
          message: `no-secret-leak at turn 2: here is the key ${key}`,
        },
      ],
    });
    await upsertComment(octokit, repo, 7, 'Safety gate', `the agent said ${key}`);
    const sent = JSON.stringify([gh.requests.map((r) => r.body), gh.comments]);
    expect(sent).not.toContain(key);
    expect(sent).toContain('here is the key ***');
  });

  it('finds the sticky comment by marker and author, updates it, never duplicates', async () => {
    const octokit = getOctokit('t', { baseUrl: gh.url });
    const a = await upsertComment(octokit, repo, 7, 'Safety gate', 'first');
    const b = await upsertComment(octokit, repo, 7, 'Safety gate', 'second');
    const other = await upsertComment(octokit, repo, 7, 'Release gate', 'another gate');
    expect(a.created).toBe(true);
    expect(b).toEqual({ id: a.id, created: false });
    expect(other.created).toBe(true);
    expect(gh.comments.map((c) => c.body)).toEqual([
      '<!-- agentic-safety-gate: Safety gate -->\nsecond',
      '<!-- agentic-safety-gate: Release gate -->\nanother gate',
    ]);
  });
});

describe('workflow events', () => {
  const write = (payload: object) => {
    const f = join(mkdtempSync(join(tmpdir(), 'sg-ev-')), 'event.json');
    writeFileSync(f, JSON.stringify(payload));
    return f;
  };
  it('push: before/after, and no base for a new branch', () => {
    const ev = readEvent({
      GITHUB_EVENT_NAME: 'push',
      GITHUB_REPOSITORY: 'o/r',
      GITHUB_EVENT_PATH: write({ before: 'b'.repeat(40), after: 'c'.repeat(40) }),
    });
    expect(ev).toMatchObject({
      owner: 'o',
      repo: 'r',
      baseSha: 'b'.repeat(40),
      headSha: 'c'.repeat(40),
      fork: false,
    });
    const fresh = readEvent({
      GITHUB_EVENT_NAME: 'push',
      GITHUB_REPOSITORY: 'o/r',
      GITHUB_EVENT_PATH: write({ before: '0'.repeat(40), after: 'c'.repeat(40) }),
    });
    expect(fresh.baseSha).toBeUndefined();
  });
  it('pull_request from a fork is flagged', () => {
    const ev = readEvent({
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_REPOSITORY: 'o/r',
      GITHUB_EVENT_PATH: write({
        pull_request: {
          number: 3,
          base: { sha: 'b', repo: { full_name: 'o/r' } },
          head: { sha: 'h', repo: { full_name: 'x/r' } },
        },
      }),
    });
    expect(ev).toMatchObject({ prNumber: 3, baseSha: 'b', headSha: 'h', fork: true });
  });
});

describe('shards', () => {
  it('k/n slices cover the suite exactly once; merge joins them back; overlaps are errors', async () => {
    const project = await loadProject({});
    const n = 3;
    const ids = [1, 2, 3].flatMap((k) =>
      selectShard(project.cases, { index: k, total: n }).map((c) => c.case.id),
    );
    expect(ids.sort()).toEqual(project.cases.map((c) => c.case.id).sort());
    expect(() => parseShard('4/3')).toThrow(/1 <= k <= n/);

    const dir = mkdtempSync(join(tmpdir(), 'sg-shard-'));
    for (let k = 1; k <= n; k++) {
      const r = await runCli([
        'run',
        '--target',
        'sim:v1',
        '--samples',
        '1',
        '--shard',
        `${k}/${n}`,
        '--out',
        join(dir, `r${k}.json`),
      ]);
      expect(r.code).toBe(0);
    }
    const m = await runCli([
      'merge',
      join(dir, 'r1.json'),
      join(dir, 'r2.json'),
      join(dir, 'r3.json'),
      '--out',
      join(dir, 'all.json'),
    ]);
    expect(m.code).toBe(0);
    const all = JSON.parse(readFileSync(join(dir, 'all.json'), 'utf8')) as ResultsFile;
    expect(all.cases).toHaveLength(project.cases.length);
    const dup = await runCli([
      'merge',
      join(dir, 'r1.json'),
      join(dir, 'r1.json'),
      '--out',
      join(dir, 'dup.json'),
    ]);
    expect(dup.code).toBe(3);
    expect(dup.stderr).toMatch(/shards overlap/);
  });
});
