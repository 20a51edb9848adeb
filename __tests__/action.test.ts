import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startFakeGitHub, type FakeGitHub } from './helpers/github-server.js';
import { makeRepo } from './helpers/git-repo.js';
import { PRESSURE_CASE, TARGETS, config, prEvent, runAction, type ActionRun } from './helpers/action-run.js';
import { verifyText } from '../src/audit/log.js';

describe('the GitHub Action, end to end (bundled dist/index.js, real git, loopback GitHub API)', () => {
  let gh: FakeGitHub;
  beforeEach(async () => {
    gh = await startFakeGitHub();
  });
  afterEach(async () => {
    await gh.close();
  });

  it('BLOCK: check run created and completed as failure with annotations; sticky comment created then updated; outputs and summary; exit non-zero', async () => {
    const repo = makeRepo();
    // Ten samples a side: a critical case broken 10/10 -> 0/10 regresses (SPEC §6.3); at three it is only a suspect.
    const ten = (profile: string) => config(profile).replace('samples: 3', 'samples: 10');
    const base = repo.commit({ '.safety-gate.yml': ten('v1'), 'safety/cases.yml': PRESSURE_CASE }, 'base');
    const head = repo.commit({ '.safety-gate.yml': ten('v2') }, 'switch to the v2 agent');
    const first = await runAction(repo, gh, prEvent(base, head));
    expect(first.code).not.toBe(0);
    expect(first.outputs.verdict).toBe('BLOCK');
    expect(first.outputs['exit-code']).toBe('2');
    expect(Number(first.outputs.delta)).toBeLessThan(0);
    expect(first.outputs['report-path']).toMatch(/report\.html$/);
    expect(existsSync(first.outputs['report-path'])).toBe(true);
    expect(first.outputs['artifact-id']).toBe('');
    expect(first.stdout).toMatch(/no artifact service here/);
    expect(first.summary).toMatch(/^> \[!CAUTION\]\n> \*\*BLOCK\*\*/);

    const created = gh.requests.find((r) => r.method === 'POST' && r.path.endsWith('/check-runs'))!;
    expect(created.body).toMatchObject({ name: 'Safety gate', head_sha: head, status: 'in_progress' });
    expect(created.auth).toBe('token ghs_faketoken');
    const run = gh.checkRuns.get(Number(first.outputs['check-run-id']))!;
    expect(run).toMatchObject({
      status: 'completed',
      conclusion: 'failure',
      output: { title: 'Safety gate: BLOCK' },
    });
    const annotations = (run.output as { annotations?: Array<Record<string, unknown>> }).annotations ?? [];
    expect(annotations).toContainEqual(
      expect.objectContaining({
        path: 'safety/cases.yml',
        start_line: 1,
        annotation_level: 'failure',
        title: expect.stringContaining('local-pressure-001'),
      }),
    );

    expect(gh.comments).toHaveLength(1);
    expect(gh.comments[0].body).toMatch(/^<!-- agentic-safety-gate: Safety gate -->\n> \[!CAUTION\]/);
    expect(first.outputs['comment-id']).toBe(String(gh.comments[0].id));

    // Someone else quoting our marker must not be overwritten; our own comment is updated in place.
    gh.comments.unshift({
      id: 1,
      body: 'quoting <!-- agentic-safety-gate: Safety gate -->',
      user: { login: 'mallory', type: 'User' },
      created_at: '2026-11-01T00:00:00Z',
      updated_at: '2026-11-01T00:00:00Z',
      html_url: 'https://github.example/acme/agent/pull/7#issuecomment-1',
    });
    const second = await runAction(repo, gh, prEvent(base, head));
    expect(second.code).not.toBe(0);
    expect(gh.comments).toHaveLength(2);
    expect(gh.comments[0].body).toBe('quoting <!-- agentic-safety-gate: Safety gate -->');
    expect(
      gh.requests.filter((r) => r.method === 'POST' && /\/issues\/7\/comments$/.test(r.path)),
    ).toHaveLength(1);
    expect(
      gh.requests.filter((r) => r.method === 'PATCH' && /\/issues\/comments\/\d+$/.test(r.path)),
    ).toHaveLength(1);
    expect(second.outputs['comment-id']).toBe(first.outputs['comment-id']);
  });

  it('OK: a head that does not change the agent passes; check succeeds; exit 0', async () => {
    const repo = makeRepo();
    const base = repo.commit({ '.safety-gate.yml': config('v1'), 'safety/cases.yml': PRESSURE_CASE }, 'base');
    const head = repo.commit({ 'README.md': '# docs only\n' }, 'docs');
    const r = await runAction(repo, gh, prEvent(base, head));
    expect(r.outputs.verdict).toBe('OK');
    expect(r.code).toBe(0);
    expect(Number(r.outputs['p-value'])).toBe(1);
    expect(gh.checkRuns.get(Number(r.outputs['check-run-id']))).toMatchObject({
      status: 'completed',
      conclusion: 'success',
    });
    expect(r.summary).toMatch(/^> \[!TIP\]\n> \*\*OK\*\*/);
    // One summary everywhere: the job summary, the check run and the comment show summary.md as written.
    const md = readFileSync(join(r.outDir, 'summary.md'), 'utf8');
    expect(r.summary.trimEnd()).toBe(md.trimEnd());
    const check = gh.checkRuns.get(Number(r.outputs['check-run-id'])) as { output: { summary: string } };
    expect(check.output.summary).toBe(md);
    expect(gh.comments.at(-1)?.body).toContain(md.trimEnd());
    // The gate's audit record, hash-chained, goes into the artifact folder.
    const audit = readFileSync(join(r.outDir, 'safety-gate.audit.jsonl'), 'utf8');
    expect(verifyText(audit)).toMatchObject({ ok: true });
    expect(JSON.parse(audit.trim().split('\n')[0])).toMatchObject({
      kind: 'gate',
      verdict: 'OK',
      headSha: head,
    });
  });

  it("honours the base config's `cache: false` in gate and run modes (it used to cache regardless)", async () => {
    // A command agent that always refuses: its answers would go to the cache beside the output folder.
    const agent =
      "process.stdin.on('data', () => {}); process.stdin.on('end', () => console.log(JSON.stringify({ content: \"I can't help with that.\" })));";
    const cfg = (cache: string) =>
      `suite: [safety/cases.yml]\nrules: [builtin:core]\ntarget: { type: command, command: node agent.cjs, timeoutMs: 10000 }\nsamples: 1\n${cache}`;
    const cacheEntries = (r: ActionRun) => {
      const dir = join(r.outDir, '..', 'safety-gate-cache');
      return existsSync(dir) ? readdirSync(dir, { recursive: true }).length : 0;
    };
    for (const mode of ['gate', 'run']) {
      const off = makeRepo();
      const b1 = off.commit(
        { '.safety-gate.yml': cfg('cache: false\n'), 'safety/cases.yml': PRESSURE_CASE, 'agent.cjs': agent },
        'base',
      );
      const h1 = off.commit({ 'README.md': 'x\n' }, 'docs');
      const r1 = await runAction(off, gh, prEvent(b1, h1), { mode });
      expect({ mode, code: r1.code, entries: cacheEntries(r1) }).toEqual({ mode, code: 0, entries: 0 });

      const on = makeRepo();
      const b2 = on.commit(
        { '.safety-gate.yml': cfg(''), 'safety/cases.yml': PRESSURE_CASE, 'agent.cjs': agent },
        'base',
      );
      const h2 = on.commit({ 'README.md': 'x\n' }, 'docs');
      const r2 = await runAction(on, gh, prEvent(b2, h2), { mode });
      expect(r2.code).toBe(0);
      expect(cacheEntries(r2)).toBeGreaterThan(0);
    }
  });

  it('sequential sampling: a clean head stops early for futility, a regressed one at the BLOCK boundary; calls saved are recorded', async () => {
    const seqGate = (r: ActionRun) =>
      (
        JSON.parse(readFileSync(join(r.outDir, 'gate.json'), 'utf8')) as {
          sequential?: { rounds: number; maxRounds: number; stoppedFor: string; saved: number };
        }
      ).sequential;
    const repo = makeRepo();
    const six = (p: string) => config(p).replace('samples: 3', 'samples: 6');
    const base = repo.commit({ '.safety-gate.yml': six('v1'), 'safety/cases.yml': PRESSURE_CASE }, 'base');
    const clean = repo.commit({ 'README.md': '# docs only\n' }, 'docs');
    const ok = await runAction(repo, gh, prEvent(base, clean));
    expect(ok.outputs.verdict).toBe('OK');
    expect(seqGate(ok)).toMatchObject({ maxRounds: 6, stoppedFor: 'futility' });
    expect(seqGate(ok)!.rounds).toBeLessThan(6);
    expect(seqGate(ok)!.saved).toBeGreaterThan(0);
    const bad = repo.commit({ '.safety-gate.yml': six('v2') }, 'v2');
    const block = await runAction(repo, gh, prEvent(base, bad));
    expect(block.outputs.verdict).toBe('BLOCK');
    expect(seqGate(block)).toMatchObject({ maxRounds: 6, stoppedFor: 'block' });
    expect(seqGate(block)!.rounds).toBeLessThan(6);
  });

  it('403 from checks and comments (read-only token): verdict and exit status unchanged, with a notice', async () => {
    const repo = makeRepo();
    const base = repo.commit({ '.safety-gate.yml': config('v1'), 'safety/cases.yml': PRESSURE_CASE }, 'base');
    const head = repo.commit({ '.safety-gate.yml': config('v2') }, 'v2');
    gh.forbid = true;
    const blocked = await runAction(repo, gh, prEvent(base, head));
    expect(blocked.outputs.verdict).toBe('BLOCK');
    expect(blocked.code).not.toBe(0);
    expect(blocked.outputs['check-run-id']).toBe('');
    expect(blocked.outputs['comment-id']).toBe('');
    expect(blocked.stdout).toMatch(/::notice::Safety gate: could not create the check run \(HTTP 403/);
    expect(blocked.summary).toMatch(/\*\*BLOCK\*\*/);

    const repo2 = makeRepo();
    const b2 = repo2.commit({ '.safety-gate.yml': config('v1'), 'safety/cases.yml': PRESSURE_CASE }, 'base');
    const h2 = repo2.commit({ 'README.md': 'x\n' }, 'docs');
    const ok = await runAction(repo2, gh, prEvent(b2, h2));
    expect(ok.outputs.verdict).toBe('OK');
    expect(ok.code).toBe(0);
  });

  it('a fork PR gets no check or comment, a clear notice, and the same verdict', async () => {
    const repo = makeRepo();
    const base = repo.commit({ '.safety-gate.yml': config('v1'), 'safety/cases.yml': PRESSURE_CASE }, 'base');
    const head = repo.commit({ '.safety-gate.yml': config('v2') }, 'v2');
    const r = await runAction(repo, gh, prEvent(base, head, true));
    expect(r.outputs.verdict).toBe('BLOCK');
    expect(r.code).not.toBe(0);
    expect(
      gh.requests.filter((q) => q.path.includes('/check-runs') || q.path.includes('/comments')),
    ).toHaveLength(0);
    expect(r.stdout).toMatch(/pull request from a fork/);
  });

  it('a head that loosens policy.minRegression does not change the verdict and is named in a WARN reason', async () => {
    const repo = makeRepo();
    const base = repo.commit({ '.safety-gate.yml': config('v1'), 'safety/cases.yml': PRESSURE_CASE }, 'base');
    const head = repo.commit(
      { '.safety-gate.yml': config('v2', 'policy: { minRegression: 0.99, maxDelayedIncrease: 0.99 }\n') },
      'v2 and a looser gate',
    );
    const r = await runAction(repo, gh, prEvent(base, head));
    expect(r.outputs.verdict).toBe('BLOCK');
    const gate = JSON.parse(readFileSync(join(r.outDir, 'gate.json'), 'utf8')) as {
      reasons: Array<{ code: string; level: string; message: string }>;
      policy: { policy: { minRegression: number } };
    };
    expect(gate.policy.policy.minRegression).toBe(0.02);
    const changed = gate.reasons.find((x) => x.code === 'policy_changed')!;
    expect(changed.level).toBe('WARN');
    expect(changed.message).toMatch(/policy\.minRegression: \(default\) -> 0\.99/);
    // The threshold change is logged: who, when, why (the commit that made it).
    expect(changed.message).toContain(`Changed by Test on `);
    expect(changed.message).toContain(`in ${head.slice(0, 7)} ("v2 and a looser gate")`);
    expect(
      (changed as unknown as { values: { commits: Array<{ sha: string; author: string }> } }).values.commits,
    ).toEqual([expect.objectContaining({ sha: head, author: 'Test', subject: 'v2 and a looser gate' })]);
    expect(gate.reasons.some((x) => x.code === 'regression' && x.level === 'BLOCK')).toBe(true);
    expect(r.summary).toMatch(/policy\\\.minRegression|policy\.minRegression/);
  });

  it('a head that deletes a case still runs it and is warned about', async () => {
    const repo = makeRepo();
    const base = repo.commit({ '.safety-gate.yml': config('v1'), 'safety/cases.yml': PRESSURE_CASE }, 'base');
    const head = repo.commit(
      { '.safety-gate.yml': config('v1').replace('safety/cases.yml, ', '') },
      'drop the local case',
    );
    const r = await runAction(repo, gh, prEvent(base, head));
    expect(r.outputs.verdict).toBe('WARN');
    expect(r.code).toBe(0); // fail-on: block
    const gate = JSON.parse(readFileSync(join(r.outDir, 'gate.json'), 'utf8')) as {
      reasons: Array<{ code: string }>;
      cases: Array<{ id: string; status: string }>;
    };
    expect(gate.reasons.map((x) => x.code)).toEqual(['cases_removed']);
    expect(gate.cases.find((c) => c.id === 'local-pressure-001')?.status).toBe('unchanged');
    // An unsigned WARN must not pass a required check: `neutral` would (GitHub counts it as passing).
    expect(gh.checkRuns.get(Number(r.outputs['check-run-id']))).toMatchObject({
      conclusion: 'action_required',
    });
  });

  it('an error is never a pass: a broken head config fails the step and the check', async () => {
    const repo = makeRepo();
    const base = repo.commit({ '.safety-gate.yml': config('v1'), 'safety/cases.yml': PRESSURE_CASE }, 'base');
    const head = repo.commit({ '.safety-gate.yml': config('v2', 'sampels: 9\n') }, 'typo');
    const r = await runAction(repo, gh, prEvent(base, head));
    expect(r.code).not.toBe(0);
    expect(r.stdout).toMatch(/::error::.*\.safety-gate\.yml:\d+: sampels: unknown key/);
    const run = [...gh.checkRuns.values()][0];
    expect(run).toMatchObject({
      status: 'completed',
      conclusion: 'failure',
      output: { title: 'Safety gate could not evaluate the change' },
    });
  });

  it("an error quoting the head's text cannot close the code block it is shown in (check run, job summary)", async () => {
    const repo = makeRepo();
    const base = repo.commit({ '.safety-gate.yml': config('v1'), 'safety/cases.yml': PRESSURE_CASE }, 'base');
    const key = '"x```\\n## Safety gate: OK": 1\n';
    const head = repo.commit({ '.safety-gate.yml': config('v2', key) }, 'a key with a fence');
    const r = await runAction(repo, gh, prEvent(base, head));
    expect(r.code).not.toBe(0);
    const summary = String(([...gh.checkRuns.values()][0].output as { summary: string }).summary);
    for (const md of [summary, r.summary]) {
      expect(md).toContain('x```');
      // The block opens with a fence longer than the text's backtick run, so the text's ``` closes nothing.
      const open = /^(`{4,})text$/m.exec(md);
      expect(open).not.toBeNull();
      expect(md.indexOf(open![1], open!.index + open![0].length)).toBeGreaterThan(md.indexOf('x```'));
    }
  });

  it('a sharded matrix: mode run per shard, then mode merge joins and gates with the base policy', async () => {
    const repo = makeRepo();
    const base = repo.commit({ '.safety-gate.yml': config('v1'), 'safety/cases.yml': PRESSURE_CASE }, 'base');
    const head = repo.commit({ '.safety-gate.yml': config('v2') }, 'v2');
    const shardDir = mkdtempSync(join(tmpdir(), 'sg-shards-'));
    for (const k of [1, 2]) {
      const r = await runAction(repo, gh, prEvent(base, head), { mode: 'run', shard: `${k}/2` });
      expect(r.code).toBe(0);
      for (const side of ['baseline', 'candidate']) {
        const f = `${side}-shard-${k}-of-2.results.json`;
        writeFileSync(join(shardDir, f), readFileSync(join(r.outDir, f)));
      }
    }
    expect(gh.requests.filter((q) => q.path.includes('/check-runs'))).toHaveLength(0);
    const merged = await runAction(repo, gh, prEvent(base, head), {
      mode: 'merge',
      'baseline-results': join(shardDir, 'baseline-shard-*.results.json'),
      'candidate-results': join(shardDir, 'candidate-shard-*.results.json'),
    });
    expect(merged.outputs.verdict).toBe('BLOCK');
    expect(merged.code).not.toBe(0);
    const gate = JSON.parse(readFileSync(join(merged.outDir, 'gate.json'), 'utf8')) as { compared: number };
    expect(gate.compared).toBe(45);
    expect(gh.checkRuns.get(Number(merged.outputs['check-run-id']))).toMatchObject({ conclusion: 'failure' });
  });
});

describe('the Action in mode replay (workflow_dispatch)', () => {
  let gh: FakeGitHub;
  beforeEach(async () => {
    gh = await startFakeGitHub();
  });
  afterEach(async () => {
    await gh.close();
  });

  const incident = readFileSync(resolve('examples/incidents/inc-2026-0142.yml'), 'utf8');
  const traffic = readFileSync(resolve('examples/traffic/support-2026-10.jsonl'), 'utf8');
  const dispatch = { inputs: {}, ref: 'refs/heads/main', repository: { full_name: 'acme/agent' } };
  const replayConfig = (profile: string) =>
    `rules: [builtin:core]\ntarget: ${profile === 'v1' ? TARGETS.v1 : TARGETS.v2}\n`;

  it('replays the incident against candidate-ref, fails the step on BLOCK, and writes summary, outputs and cases', async () => {
    const repo = makeRepo();
    const fixed = repo.commit(
      {
        '.safety-gate.yml': replayConfig('v1'),
        'incidents/inc-2026-0142.yml': incident,
        'incidents/traffic.jsonl': traffic,
      },
      'agent with the fix',
    );
    const broken = repo.commit({ '.safety-gate.yml': replayConfig('v2') }, 'the agent that had the incident');
    const env = { GITHUB_EVENT_NAME: 'workflow_dispatch', GITHUB_SHA: broken };
    const inputs = {
      mode: 'replay',
      incident: 'incidents/inc-2026-0142.yml',
      traffic: 'incidents/traffic.jsonl',
      samples: '20',
    };

    const onBroken = await runAction(repo, gh, dispatch, inputs, env);
    expect(onBroken.outputs.verdict).toBe('BLOCK');
    expect(onBroken.code).not.toBe(0);
    expect(onBroken.outputs['root-cause']).toBe('prompt_injection');
    expect(onBroken.summary).toMatch(/\*\*BLOCK\*\*: Reproduced/);
    expect(onBroken.summary).toMatch(/Failed the same rules \| \*\*7\/500/);
    expect(readFileSync(onBroken.outputs['cases-path'], 'utf8')).toMatch(/id: incident-inc-2026-0142\n/);
    expect(onBroken.stdout).toMatch(/no artifact service here/);

    // The same incident against the fixed commit, checked out in a worktree: OK, exit 0.
    const onFixed = await runAction(repo, gh, dispatch, { ...inputs, 'candidate-ref': fixed }, env);
    expect(onFixed.stdout).not.toMatch(/::error::/);
    expect(onFixed.code).toBe(0);
    expect(onFixed.outputs.verdict).toBe('OK');
    const f = JSON.parse(readFileSync(join(onFixed.outDir, 'replay.json'), 'utf8')) as {
      target: { ref: string };
    };
    expect(f.target.ref).toBe(fixed);
    // No pull request, no check run or comment.
    expect(gh.requests).toHaveLength(0);
  });

  it('without the incident input the step fails with what to set', async () => {
    const repo = makeRepo();
    const head = repo.commit({ '.safety-gate.yml': replayConfig('v1') }, 'c');
    const r = await runAction(
      repo,
      gh,
      dispatch,
      { mode: 'replay' },
      { GITHUB_EVENT_NAME: 'workflow_dispatch', GITHUB_SHA: head },
    );
    expect(r.code).not.toBe(0);
    expect(r.stdout).toMatch(/::error::error: mode replay needs the incident input/);
  });
});

describe('the Action in mode stress', () => {
  let gh: FakeGitHub;
  beforeEach(async () => {
    gh = await startFakeGitHub();
  });
  afterEach(async () => {
    await gh.close();
  });

  it('attacks the workspace agent, promotes what broke into the artifact folder, and does not fail the step', async () => {
    const repo = makeRepo();
    const head = repo.commit(
      { '.safety-gate.yml': `rules: [builtin:core]\ntarget: ${TARGETS.v2}\n` },
      'v2 agent',
    );
    const r = await runAction(
      repo,
      gh,
      { inputs: {} },
      { mode: 'stress', rollouts: '80' },
      { GITHUB_EVENT_NAME: 'schedule', GITHUB_SHA: head },
    );
    expect(r.stdout).not.toMatch(/::error::/);
    expect(r.code).toBe(0);
    expect(r.outputs.verdict).toBe('WARN');
    expect(r.summary).toMatch(/\*\*\d+ distinct failure\(s\)\*\* found in 80 adaptive rollouts/);
    const promoted = readdirSync(r.outputs['cases-path']);
    expect(promoted.length).toBeGreaterThan(0);
    expect(promoted.every((f) => f.startsWith('stress-'))).toBe(true);
    // The repository is left as it was: promoted cases are for a person to review.
    expect(existsSync(join(repo.dir, 'safety'))).toBe(false);
  });
});

describe('governance: sign-offs and overrides from PR comments, judged by the base config', () => {
  let gh: FakeGitHub;
  beforeEach(async () => {
    gh = await startFakeGitHub();
  });
  afterEach(async () => {
    await gh.close();
  });
  const SIGNOFF = 'signoff:\n  security: [alice, "@acme/prodsec"]\n  board: [carol, dave]\n  quorum: 2\n';
  const gateJson = (r: ActionRun) =>
    JSON.parse(readFileSync(join(r.outDir, 'gate.json'), 'utf8')) as {
      verdict: string;
      exitCode: number;
      clearedBy: string | null;
      signoffs: Array<{ kind: string; by: string; reason: string; sha: string; source: string }>;
      rejectedSignoffs: Array<{ by: string; why: string }>;
    };

  it('a WARN is cleared by one security sign-off naming the head; the author, outsiders and stale commits do not count', async () => {
    gh.teams['acme/prodsec'] = ['erin'];
    const repo = makeRepo();
    const base = repo.commit(
      { '.safety-gate.yml': config('v1', SIGNOFF), 'safety/cases.yml': PRESSURE_CASE },
      'base',
    );
    const head = repo.commit(
      { '.safety-gate.yml': config('v1', SIGNOFF).replace('safety/cases.yml, ', '') },
      'drop the local case',
    );
    const warnFails = { 'fail-on': 'warn' };
    const first = await runAction(repo, gh, prEvent(base, head), warnFails);
    expect(first.outputs.verdict).toBe('WARN');
    expect(first.code).not.toBe(0);
    expect(first.summary).toContain(`/safety-gate sign-off ${head} <why this is acceptable>`);

    gh.addComment('mallory', `/safety-gate sign-off ${head} I wrote it and it is fine`);
    gh.addComment('bob', `/safety-gate sign-off ${head} looks fine to me honestly`);
    gh.addComment('alice', `/safety-gate sign-off ${base} reviewed the earlier commit`);
    gh.addComment('alice', `/safety-gate sign-off ${head} ok`);
    const second = await runAction(repo, gh, prEvent(base, head), warnFails);
    expect(second.code).not.toBe(0);
    const g2 = gateJson(second);
    expect(g2.clearedBy).toBeNull();
    expect(g2.rejectedSignoffs.map((r) => `${r.by}: ${r.why}`)).toEqual([
      'mallory: is by the author of the change',
      'bob: is not on signoff.security or signoff.board',
      `alice: names commit ${base}, not the head being gated (${head.slice(0, 12)})`,
      'alice: gives no reason of its own (at least 10 characters, not the placeholder): every sign-off says why',
    ]);

    // erin is on the list through the @acme/prodsec team.
    gh.addComment(
      'erin',
      `Reviewed.\n/safety-gate sign-off ${head} the removed case moved to the shared suite`,
    );
    const third = await runAction(repo, gh, prEvent(base, head), warnFails);
    expect(third.code).toBe(0);
    expect(third.outputs.verdict).toBe('WARN');
    const g3 = gateJson(third);
    expect(g3).toMatchObject({ verdict: 'WARN', exitCode: 0, clearedBy: 'security' });
    expect(g3.signoffs).toEqual([
      expect.objectContaining({
        kind: 'security',
        by: 'erin',
        reason: 'the removed case moved to the shared suite',
        sha: head,
        source: expect.stringMatching(/#issuecomment-\d+$/),
      }),
    ]);
    const run = gh.checkRuns.get(Number(third.outputs['check-run-id']))!;
    expect(run).toMatchObject({ conclusion: 'success', output: { title: 'Safety gate: WARN (signed off)' } });
    expect(third.summary).toMatch(/Cleared for merge\*\* by a security sign-off \(erin\)/);
    expect(third.summary).toMatch(/Not counted:\*\* security by mallory: is by the author of the change/);
  });

  it('a BLOCK needs the board quorum; a security sign-off does not clear it; the verdict stays BLOCK', async () => {
    const repo = makeRepo();
    const base = repo.commit(
      { '.safety-gate.yml': config('v1', SIGNOFF), 'safety/cases.yml': PRESSURE_CASE },
      'base',
    );
    const head = repo.commit({ '.safety-gate.yml': config('v2', SIGNOFF) }, 'v2');
    const sha = head;
    gh.addComment('alice', `/safety-gate sign-off ${sha} security thinks this is acceptable`);
    gh.addComment('carol', `/safety-gate override ${sha} hotfix for a production outage, tracked in INC-9`);
    const one = await runAction(repo, gh, prEvent(base, head));
    expect(one.code).not.toBe(0);
    expect(gateJson(one).clearedBy).toBeNull();
    expect(one.summary).toContain(`/safety-gate override ${sha}`);

    gh.addComment(
      'dave',
      `/safety-gate override ${sha} agreed: outage fix, follow-up PR restores the refusal`,
    );
    const before = gh.requests.length;
    const two = await runAction(repo, gh, prEvent(base, head));
    // The PR's comments are read once per run: for the sign-offs and the sticky comment alike.
    expect(
      gh.requests.slice(before).filter((q) => q.method === 'GET' && q.path.endsWith('/issues/7/comments')),
    ).toHaveLength(1);
    expect(two.code).toBe(0);
    expect(two.outputs.verdict).toBe('BLOCK');
    const g = gateJson(two);
    expect(g).toMatchObject({ verdict: 'BLOCK', clearedBy: 'board', exitCode: 0 });
    expect(g.signoffs.map((x) => `${x.kind}:${x.by}`)).toEqual([
      'security:alice',
      'board:carol',
      'board:dave',
    ]);
    expect(gh.checkRuns.get(Number(two.outputs['check-run-id']))).toMatchObject({
      conclusion: 'success',
      output: { title: 'Safety gate: BLOCK (overridden by the review board)' },
    });
  });

  it('a sign-off comment re-runs the gate on issue_comment: the PR is looked up through the API', async () => {
    const repo = makeRepo();
    const base = repo.commit(
      { '.safety-gate.yml': config('v1', SIGNOFF), 'safety/cases.yml': PRESSURE_CASE },
      'base',
    );
    const head = repo.commit({ '.safety-gate.yml': config('v2', SIGNOFF) }, 'v2');
    gh.pulls.set(7, prEvent(base, head).pull_request);
    for (const who of ['carol', 'dave'])
      gh.addComment(who, `/safety-gate override ${head} accepted risk, see the review notes`);
    const event = {
      action: 'created',
      issue: { number: 7, pull_request: { url: 'x' } },
      comment: { body: '/safety-gate override …', user: { login: 'dave' } },
    };
    const r = await runAction(repo, gh, event, {}, { GITHUB_EVENT_NAME: 'issue_comment' });
    expect(r.stdout).not.toMatch(/::error::/);
    expect(r.code).toBe(0);
    expect(gateJson(r).clearedBy).toBe('board');
    const created = gh.requests.find((q) => q.method === 'POST' && q.path.endsWith('/check-runs'));
    expect(created?.body).toMatchObject({ head_sha: head });
  });

  it("a comment on a fork PR does not run the fork's code with this repository's secrets", async () => {
    const repo = makeRepo();
    const base = repo.commit(
      { '.safety-gate.yml': config('v1', SIGNOFF), 'safety/cases.yml': PRESSURE_CASE },
      'base',
    );
    const head = repo.commit({ '.safety-gate.yml': config('v2', SIGNOFF) }, 'v2');
    gh.pulls.set(7, prEvent(base, head, true).pull_request);
    const event = { action: 'created', issue: { number: 7, pull_request: { url: 'x' } } };
    const r = await runAction(repo, gh, event, {}, { GITHUB_EVENT_NAME: 'issue_comment' });
    expect(r.code).not.toBe(0);
    expect(r.stdout).toMatch(/::error::.*a pull request from a fork cannot be re-gated from a comment/);
    expect(r.stdout).not.toMatch(/candidate: \d+\/\d+ cases/);
  });
});

describe('mode: release (last release tag vs the release branch)', () => {
  let gh: FakeGitHub;
  beforeEach(async () => {
    gh = await startFakeGitHub();
  });
  afterEach(async () => {
    await gh.close();
  });
  // Review sampling picks about 5% of OK gates from the head commit, whose hash differs every run: off here, so
  // the audit records this test counts do not depend on the commit's timestamp.
  const SIGNOFF =
    'signoff:\n  security: [alice]\n  board: [carol, dave]\n  quorum: 2\nrelease:\n  checklists: [release/checklist.md]\npolicy: { reviewSampleRate: 0 }\n';
  const CHECKLIST = (lines: string[]) => `# Release checklist\n\n${lines.join('\n')}\n`;
  const pushEvent = (before: string, after: string) => ({
    ref: 'refs/heads/release/1.1',
    before,
    after,
    repository: { full_name: 'acme/agent', name: 'agent', owner: { login: 'acme' } },
  });
  const git = (dir: string, ...args: string[]) =>
    execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();

  it('posts the verdict with the criteria table; a line last changed by someone else than its signer is unmet; release notes and the audit trail (artifact and audit-branch)', async () => {
    const repo = makeRepo();
    const origin = mkdtempSync(join(tmpdir(), 'sg-origin-'));
    git(origin, 'init', '-q', '--bare');
    git(repo.dir, 'remote', 'add', 'origin', origin);
    const base = repo.commit(
      {
        '.safety-gate.yml': config('v1', SIGNOFF),
        'safety/cases.yml': PRESSURE_CASE,
        'release/checklist.md': CHECKLIST([
          '- [ ] Security review',
          '- [ ] Rollback rehearsed',
          '- [ ] On-call ready',
        ]),
      },
      'release 1.0',
    );
    git(repo.dir, 'tag', 'v1.0');
    git(repo.dir, 'checkout', '-q', '-b', 'release/1.1');
    const byAlice = repo.commit(
      {
        'release/checklist.md': CHECKLIST([
          '- [x] Security review — @alice 2026-11-20',
          '- [ ] Rollback rehearsed',
          '- [ ] On-call ready',
        ]),
      },
      'security review done',
    );
    const byCarol = repo.commit(
      {
        'release/checklist.md': CHECKLIST([
          '- [x] Security review — @alice 2026-11-20',
          '- [x] Rollback rehearsed — @carol 2026-11-21',
          '- [ ] On-call ready',
        ]),
      },
      'rollback rehearsed',
    );
    // mallory ticks the last item and signs it as alice.
    const forged = repo.commit(
      {
        'release/checklist.md': CHECKLIST([
          '- [x] Security review — @alice 2026-11-20',
          '- [x] Rollback rehearsed — @carol 2026-11-21',
          '- [x] On-call ready — @alice 2026-11-21',
        ]),
      },
      'on-call',
    );
    Object.assign(gh.commitAuthors, { [byAlice]: 'alice', [byCarol]: 'carol', [forged]: 'mallory' });
    const inputs = {
      mode: 'release',
      'baseline-ref': 'v1.0',
      'candidate-ref': 'release/1.1',
      'audit-branch': 'safety-audit',
    };
    const env = { GITHUB_EVENT_NAME: 'push', GITHUB_ACTOR: 'release-bot' };
    const first = await runAction(repo, gh, pushEvent(base, forged), inputs, env);
    expect(first.code).not.toBe(0);
    expect(first.outputs.verdict).toBe('BLOCK');
    const run1 = gh.checkRuns.get(Number(first.outputs['check-run-id']))!;
    expect(run1).toMatchObject({
      head_sha: forged,
      conclusion: 'failure',
      output: { title: 'Safety gate: BLOCK' },
    });
    // Mentions are defused with a zero-width space after @; compare without it.
    const s1 = (run1.output as { summary: string }).summary.replace(/\u200b/g, '');
    expect(s1).toMatch(
      /Release criteria unmet \(1\): release\/checklist\.md:5 signed @alice, but the line was last changed by @mallory/,
    );
    expect(s1).toContain('| Item | Where | Signed by | Status |');
    expect(s1).toContain(`| Security review | \`release/checklist.md:3\` | @alice 2026-11-20 | met |`);
    expect(s1).toContain(`| Rollback rehearsed | \`release/checklist.md:4\` | @carol 2026-11-21 | met |`);
    expect(s1).toMatch(
      /\| On-call ready \| `release\/checklist\.md:5` \| @alice 2026-11-21 \| unmet: signed @alice, but the line was last changed by @mallory \(commit [0-9a-f]{7}\)/,
    );
    expect(s1).toContain('each signature checked against git history');
    expect(
      gh.requests.filter((q) => q.method === 'GET' && /\/commits\/[0-9a-f]{40}$/.test(q.path)).length,
    ).toBe(3);
    expect(existsSync(first.outputs['release-notes-path'])).toBe(true);

    // alice re-signs her own line: every criterion met, and the gate's own verdict (the agent did not change): OK.
    const fixed = repo.commit(
      {
        'release/checklist.md': CHECKLIST([
          '- [x] Security review — @alice 2026-11-20',
          '- [x] Rollback rehearsed — @carol 2026-11-21',
          '- [x] On-call ready — @alice 2026-11-22',
        ]),
      },
      'on-call, signed by alice',
    );
    gh.commitAuthors[fixed] = 'alice';
    const second = await runAction(repo, gh, pushEvent(forged, fixed), inputs, env);
    expect(second.stdout).not.toMatch(/::error::/);
    expect(second.code).toBe(0);
    expect(second.outputs.verdict).toBe('OK');
    expect(gh.checkRuns.get(Number(second.outputs['check-run-id']))).toMatchObject({
      head_sha: fixed,
      conclusion: 'success',
    });
    const notes = readFileSync(second.outputs['release-notes-path'], 'utf8').replace(/\u200b/g, '');
    expect(notes).toMatch(/^## Safety gate: OK/);
    expect(notes).toContain('| On-call ready | `release/checklist.md:5` | @alice 2026-11-22 | met |');
    const local = readFileSync(second.outputs['audit-log-path'], 'utf8');
    expect(verifyText(local)).toMatchObject({ ok: true });
    expect(
      local
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).kind),
    ).toEqual(['gate', 'release']);

    // The audit branch holds both runs, chained; the workspace is untouched.
    const branchLog = execFileSync(
      'git',
      ['--git-dir', origin, 'show', 'safety-audit:safety-gate.audit.jsonl'],
      { encoding: 'utf8' },
    );
    expect(verifyText(branchLog)).toMatchObject({ ok: true, records: 4 });
    const records = branchLog
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(records.map((x) => `${x.kind}:${x.verdict}:${x.headSha.slice(0, 7)}`)).toEqual([
      `gate:BLOCK:${forged.slice(0, 7)}`,
      `release:BLOCK:${forged.slice(0, 7)}`,
      `gate:OK:${fixed.slice(0, 7)}`,
      `release:OK:${fixed.slice(0, 7)}`,
    ]);
    expect(records[0].who).toBe('release-bot');
    expect(git(repo.dir, 'status', '--porcelain')).toBe('');
    expect(git(repo.dir, 'rev-parse', '--abbrev-ref', 'HEAD')).toBe('release/1.1');
  });

  it('a line someone else committed counts when it is in a merged pull request its signer approved; one the signer did not approve (or approved an earlier commit of) is unmet, named by file:line', async () => {
    const repo = makeRepo();
    const base = repo.commit(
      {
        '.safety-gate.yml': config('v1', SIGNOFF),
        'safety/cases.yml': PRESSURE_CASE,
        'release/checklist.md': CHECKLIST(['- [ ] Rollback rehearsed', '- [ ] On-call ready']),
      },
      'release 1.0',
    );
    git(repo.dir, 'tag', 'v1.0');
    git(repo.dir, 'checkout', '-q', '-b', 'release/1.1');
    // bob types both lines, each in its own pull request, and signs them for alice, who reviews.
    const rollback = repo.commit(
      {
        'release/checklist.md': CHECKLIST([
          '- [x] Rollback rehearsed — @alice 2026-11-20',
          '- [ ] On-call ready',
        ]),
      },
      'rollback rehearsed (#12)',
    );
    const onCall = repo.commit(
      {
        'release/checklist.md': CHECKLIST([
          '- [x] Rollback rehearsed — @alice 2026-11-20',
          '- [x] On-call ready — @alice 2026-11-21',
        ]),
      },
      'on-call ready (#13)',
    );
    Object.assign(gh.commitAuthors, { [rollback]: 'bob', [onCall]: 'bob' });
    gh.addMergedPull(12, 'bob', rollback, rollback);
    gh.addMergedPull(13, 'bob', onCall, onCall);
    Object.assign(gh.commitPulls, { [rollback]: [12], [onCall]: [13] });
    gh.addReview('alice', 'watched the rehearsal', rollback, 'APPROVED', 12);
    // PR 13: carol approved; alice approved only an earlier head, not what was merged.
    gh.addReview('carol', 'lgtm', onCall, 'APPROVED', 13);
    gh.addReview('alice', 'ok so far', base, 'APPROVED', 13);
    const inputs = { mode: 'release', 'baseline-ref': 'v1.0', 'candidate-ref': 'release/1.1' };
    const env = { GITHUB_EVENT_NAME: 'push', GITHUB_ACTOR: 'release-bot' };
    const first = await runAction(repo, gh, pushEvent(base, onCall), inputs, env);
    expect(first.code).not.toBe(0);
    expect(first.outputs.verdict).toBe('BLOCK');
    const g1 = JSON.parse(readFileSync(join(first.outDir, 'gate.json'), 'utf8'));
    const unmet = g1.reasons.find((x: { code: string }) => x.code === 'release_criteria_unmet');
    expect(unmet.message).toMatch(
      /^Release criteria unmet \(1\): release\/checklist\.md:4 signed @alice, but the line was last changed by @bob \(commit [0-9a-f]{7}\); @alice's approval of PR #13 is not of its last commit/,
    );
    expect(
      g1.release.criteria.map((c: { line: number; met: boolean; why: string }) => [c.line, c.met, c.why]),
    ).toEqual([
      [
        3,
        true,
        expect.stringMatching(
          /^line last changed by @bob in commit [0-9a-f]{7}, merged in PR #12, which @alice approved$/,
        ),
      ],
      [4, false, expect.any(String)],
    ]);
    const s1 = (gh.checkRuns.get(Number(first.outputs['check-run-id']))!.output as { summary: string })
      .summary;
    expect(s1.replace(/\u200b/g, '')).toContain(
      '| Rollback rehearsed | `release/checklist.md:3` | @alice 2026-11-20 | met |',
    );
    // Each line's pull requests are asked for through the commit, then each PR's reviews.
    const asked = gh.requests.filter((q) => q.method === 'GET').map((q) => q.path);
    expect(asked).toEqual(
      expect.arrayContaining([
        `/repos/acme/agent/commits/${rollback}/pulls`,
        `/repos/acme/agent/commits/${onCall}/pulls`,
        '/repos/acme/agent/pulls/12/reviews',
        '/repos/acme/agent/pulls/13/reviews',
      ]),
    );

    // A PR nobody on the list approved: unmet, and says so.
    gh.reviews.splice(0);
    gh.addReview('carol', 'lgtm', onCall, 'APPROVED', 13);
    const second = await runAction(repo, gh, pushEvent(base, onCall), inputs, env);
    expect(second.outputs.verdict).toBe('BLOCK');
    const g2 = JSON.parse(readFileSync(join(second.outDir, 'gate.json'), 'utf8'));
    expect(
      g2.release.criteria.map((c: { line: number; met: boolean; why: string }) => [c.line, c.met, c.why]),
    ).toEqual([
      [3, false, expect.stringMatching(/@alice approved none of the merged PRs it is in \(#12\)/)],
      [
        4,
        false,
        expect.stringMatching(
          /^signed @alice, but the line was last changed by @bob \(commit [0-9a-f]{7}\); @alice approved none of the merged PRs it is in \(#13\): only the signer, or a merged PR the signer approved, may sign$/,
        ),
      ],
    ]);

    // alice approves both merged heads: every criterion met, and the gate's own verdict.
    gh.addReview('alice', 'watched the rehearsal', rollback, 'APPROVED', 12);
    gh.addReview('alice', 'on-call checked', onCall, 'APPROVED', 13);
    const third = await runAction(repo, gh, pushEvent(base, onCall), inputs, env);
    expect(third.stdout).not.toMatch(/::error::/);
    expect(third.code).toBe(0);
    expect(third.outputs.verdict).toBe('OK');
    const notes = readFileSync(third.outputs['release-notes-path'], 'utf8').replace(/\u200b/g, '');
    expect(notes).toContain('| On-call ready | `release/checklist.md:4` | @alice 2026-11-21 | met |');
  });

  it('a head that changes the policy is not cleared by a security sign-off: only a board quorum clears it', async () => {
    const repo = makeRepo();
    const signoff = 'signoff:\n  security: [alice]\n  board: [carol, dave]\n  quorum: 2\n';
    const base = repo.commit(
      { '.safety-gate.yml': config('v1', signoff), 'safety/cases.yml': PRESSURE_CASE },
      'base',
    );
    const head = repo.commit(
      { '.safety-gate.yml': config('v1', `${signoff}policy: { maxMde: 0.9 }\n`) },
      'relax the power budget',
    );
    gh.addComment('alice', `/safety-gate sign-off ${head} security reviewed the budget change`);
    const r = await runAction(repo, gh, prEvent(base, head), { 'fail-on': 'warn' });
    expect(r.outputs.verdict).toBe('WARN');
    expect(r.code).not.toBe(0);
    const g = JSON.parse(readFileSync(join(r.outDir, 'gate.json'), 'utf8'));
    expect(g.reasons.map((x: { code: string }) => x.code)).toContain('policy_changed');
    expect(g.clearedBy).toBeNull();
    expect(g.rejectedSignoffs).toContainEqual(
      expect.objectContaining({
        by: 'alice',
        why: expect.stringMatching(
          /does not clear a threshold change \(policy_changed\): that needs a board quorum of 2/,
        ),
      }),
    );
    expect(gh.checkRuns.get(Number(r.outputs['check-run-id']))).toMatchObject({ conclusion: 'failure' });
    expect(r.summary).toContain(
      `To clear this WARN (it changes the policy or rules: a signoff.board quorum, not a security sign-off), comment: \`/safety-gate override ${head.slice(0, 12)}`,
    );
  });
});
