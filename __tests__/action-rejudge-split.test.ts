import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { createHash } from 'node:crypto';
import { GATE_WORKFLOW, startFakeGitHub, type FakeGitHub } from './helpers/github-server.js';
import { startFakeLLM, type FakeLLM } from './helpers/fake-llm.js';
import type { Repo } from './helpers/git-repo.js';
import {
  GATE_WORKFLOW_FILE,
  REJUDGE_ENV,
  droppedCaseRepo,
  gateJson,
  storeArtifact,
} from './helpers/rejudge.js';
import { prEvent, runAction, type ActionRun } from './helpers/action-run.js';

/**
 * The privilege-split workflow (examples/workflows/pr-gate.yml): job `agents` (mode run) on pull_request, job
 * `gate` (the base checked out, results files) publishes; on a sign-off comment or approving review only job
 * `gate` runs, in mode rejudge, and it never runs an agent.
 */
describe('privilege-split workflow: a sign-off re-judges the stored gate in the privileged job (bundled action)', () => {
  let gh: FakeGitHub;
  let llm: FakeLLM;
  beforeEach(async () => {
    gh = await startFakeGitHub();
    llm = await startFakeLLM();
  });
  afterEach(async () => {
    await gh.close();
    await llm.close();
  });

  const env = REJUDGE_ENV;

  /** Both jobs of the pull_request run: the agents at the head's checkout, then the gate at the base's. */
  async function splitRun(
    headFiles: Record<string, string> = {},
    baseFiles: Record<string, string> = {},
  ): Promise<{ repo: Repo; base: string; head: string; gate: ActionRun }> {
    const { repo, base, head } = droppedCaseRepo(llm.url, headFiles, baseFiles);
    const agents = await runAction(repo, gh, prEvent(base, head), { mode: 'run' }, env);
    expect(agents.stdout).not.toMatch(/::error::/);
    repo.checkout(base);
    const gate = await runAction(
      repo,
      gh,
      prEvent(base, head),
      {
        'baseline-results': join(agents.outDir, 'baseline.results.json'),
        'candidate-results': join(agents.outDir, 'candidate.results.json'),
      },
      env,
    );
    expect(gate.stdout).not.toMatch(/::error::/);
    gh.pulls.set(7, prEvent(base, head).pull_request);
    return { repo, base, head, gate };
  }

  const commentEvent = { action: 'created', issue: { number: 7, pull_request: { url: 'x' } } };
  /** Job `gate` alone, as the workflow runs it on a comment: the base checked out, mode rejudge. */
  async function onComment(repo: Repo) {
    const from = llm.log.length;
    const r = await runAction(
      repo,
      gh,
      commentEvent,
      { mode: 'rejudge' },
      { ...env, GITHUB_EVENT_NAME: 'issue_comment' },
    );
    return { r, calls: llm.log.length - from };
  }

  it('a sign-off comment makes no model call: the gate job re-judges its stored gate, WARN cleared by security', async () => {
    const { repo, base, head, gate } = await splitRun();
    const g1 = gateJson(gate);
    expect(g1).toMatchObject({ verdict: 'WARN', clearedBy: null });
    expect(g1.reasons.map((x) => x.code)).toContain('cases_removed');
    expect(gh.checkRuns.get(Number(gate.outputs['check-run-id']))).toMatchObject({
      conclusion: 'action_required',
    });
    expect(g1.stored?.candidateSha256).toMatch(/^sha256:[0-9a-f]{64}$/);
    storeArtifact(gh, gate, head);

    gh.addComment('alice', `/safety-gate sign-off ${head} the deleted case moved to the shared suite`);
    const { r, calls } = await onComment(repo);
    expect(r.stdout).not.toMatch(/::error::/);
    expect(r.code).toBe(0);
    expect(calls).toBe(0);
    expect(r.stdout).toMatch(/re-judged the stored results of [0-9a-f]{40}: no agent was run/);
    const g2 = gateJson(r);
    expect(g2).toMatchObject({ verdict: 'WARN', clearedBy: 'security', delta: g1.delta, pValue: g1.pValue });
    expect(g2.signoffs.map((x) => x.by)).toEqual(['alice']);
    expect(g2.reasons.map((x) => x.code)).toEqual(g1.reasons.map((x) => x.code));
    expect(g2.stored).toEqual(g1.stored);
    expect(gh.checkRuns.get(Number(r.outputs['check-run-id']))).toMatchObject({
      head_sha: head,
      conclusion: 'success',
    });
    expect(r.outputs.verdict).toBe('WARN');
    const paths = gh.requests.map((q) => `${q.method} ${q.path}`);
    expect(paths).toContain('GET /repos/acme/agent/actions/artifacts/900/zip');

    // An approving review: the same job on pull_request_review, no call either.
    gh.addReview('alice', 'Reviewed: the removed case lives in the shared suite now.', head);
    const from = llm.log.length;
    const review = await runAction(
      repo,
      gh,
      { ...prEvent(base, head), action: 'submitted', review: { state: 'approved' } },
      { mode: 'rejudge' },
      { ...env, GITHUB_EVENT_NAME: 'pull_request_review' },
    );
    expect(review.stdout).not.toMatch(/::error::/);
    expect(llm.log.length - from).toBe(0);
    expect(gateJson(review).clearedBy).toBe('security');
  });

  it('stored results gone, changed or of another commit: no agent runs, the check fails saying to re-run the workflow', async () => {
    const { repo, base, head, gate } = await splitRun();
    gh.addComment('alice', `/safety-gate sign-off ${head} the deleted case moved to the shared suite`);
    const expectRefused = (r: ActionRun, calls: number, why: RegExp) => {
      expect(calls).toBe(0);
      expect(r.code).not.toBe(0);
      expect(r.outputs['exit-code']).toBe('3');
      const line = r.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? '';
      expect(line).toMatch(/the last gate of [0-9a-f]{40} cannot be re-judged: /);
      expect(line).toMatch(why);
      expect(line).toMatch(/This job runs no agent.*re-run the pull request's workflow/);
      const runs = [...gh.checkRuns.values()];
      expect(runs[runs.length - 1]).toMatchObject({ head_sha: head, conclusion: 'failure' });
      expect(JSON.stringify(runs[runs.length - 1])).toMatch(/re-run the pull request's workflow/);
      // Nothing was checked out to run: no results file was written by this job.
      expect(readdirSync(r.outDir).filter((f) => f.endsWith('.results.json'))).toEqual([]);
    };

    const gone = await onComment(repo);
    expectRefused(gone.r, gone.calls, /no unexpired artifact "safety-gate" was made on it/);

    // The candidate's results rewritten after the fact: every sample passes.
    storeArtifact(gh, gate, head, (name, text) =>
      name === 'candidate.results.json' ? text.replace(/"passed": ?false/g, '"passed": true') : text,
    );
    const tampered = await onComment(repo);
    expectRefused(tampered.r, tampered.calls, /a results file does not match the sha256 gate\.json records/);

    gh.artifacts.length = 0;
    storeArtifact(gh, gate, 'f'.repeat(40));
    const other = await onComment(repo);
    expectRefused(other.r, other.calls, /no unexpired artifact "safety-gate" was made on it/);

    // A fork's pull request: its artifact was made by the fork's code; the write token never publishes it.
    gh.artifacts.length = 0;
    storeArtifact(gh, gate, head);
    gh.pulls.set(7, prEvent(base, head, true).pull_request);
    const listed = gh.requests.filter((q) => q.path.includes('/actions/')).length;
    const fork = await onComment(repo);
    expect(fork.calls).toBe(0);
    expect(fork.r.outputs['exit-code']).toBe('3');
    expect(fork.r.stdout).toMatch(/::error::.*a pull request from a fork cannot be re-gated from a comment/);
    expect(gh.requests.filter((q) => q.path.includes('/actions/')).length).toBe(listed);
  });

  /**
   * A same-repository pull request can add a workflow, or rewrite the gate's, and that run uploads what it likes
   * under the gate's artifact name. This forges it: the gate's files with every candidate sample passing, and
   * gate.json's hash of them made to match. Re-judging must take only the gate workflow's own artifact.
   */
  const forge = (outDir: string) => {
    type Sample = { passed: boolean; firstFailureTurn: number | null; violations?: unknown[] };
    const results = JSON.parse(readFileSync(join(outDir, 'candidate.results.json'), 'utf8')) as {
      cases: Array<{ samples: Sample[] }>;
    };
    const failing = results.cases.flatMap((c) => c.samples).filter((x) => !x.passed);
    expect(failing.length).toBeGreaterThan(0);
    for (const x of failing) Object.assign(x, { passed: true, firstFailureTurn: null, violations: [] });
    const text = JSON.stringify(results);
    const hash = `sha256:${createHash('sha256').update(text).digest('hex')}`;
    return (name: string, t: string) =>
      name === 'candidate.results.json'
        ? text
        : name === 'gate.json'
          ? t.replace(/"candidateSha256": ?"sha256:[0-9a-f]{64}"/, `"candidateSha256": "${hash}"`)
          : t;
  };
  const EXTRA = { workflowId: 78, path: '.github/workflows/lint.yml' };
  const downloaded = () =>
    gh.requests.filter((q) => /\/artifacts\/\d+\/zip$/.test(q.path)).map((q) => q.path.split('/')[6]);

  const signedOff = async (
    headFiles: Record<string, string> = {},
    baseFiles: Record<string, string> = {},
  ) => {
    const { repo, base, head, gate } = await splitRun(headFiles, baseFiles);
    gh.addComment('alice', `/safety-gate sign-off ${head} the deleted case moved to the shared suite`);
    return { repo, base, head, gate, comment: async () => (await onComment(repo)).r };
  };
  const refused = (r: ActionRun, why: RegExp) => {
    expect(r.outputs['exit-code']).toBe('3');
    expect(r.stdout).toMatch(new RegExp(`::error::.*cannot be re-judged: ${why.source}`));
  };

  it('a forged gate of another workflow, or of a run for another pull request on the same head, is never taken', async () => {
    const { repo, base, head, gate, comment } = await signedOff();
    const g1 = gateJson(gate);
    const real = storeArtifact(gh, gate, head);
    storeArtifact(gh, gate, head, forge(gate.outDir), { workflow: EXTRA });
    // The same head opened into a branch whose copy of the gate workflow uploads what it likes.
    repo.checkout(base);
    const evil = repo.commit(
      { [GATE_WORKFLOW.path]: `${GATE_WORKFLOW_FILE}# uploads a forged gate\n` },
      'evil',
    );
    repo.checkout(base);
    storeArtifact(gh, gate, head, forge(gate.outDir), { pullRequests: [{ number: 8, baseSha: evil }] });
    const r = await comment();
    expect(r.stdout).not.toMatch(/::error::/);
    expect(downloaded()).toEqual([String(real)]);
    expect(gateJson(r)).toMatchObject({ clearedBy: 'security', delta: g1.delta, pValue: g1.pValue });

    // GitHub lists the open pull requests whose head matches a run, not the one that started it: a run that also
    // lists this one, and a run on another branch once its pull request (#8 from there) was closed.
    storeArtifact(gh, gate, head, forge(gate.outDir), {
      pullRequests: [
        { number: 8, baseSha: evil },
        { number: 7, baseSha: base },
      ],
    });
    gh.pulls.set(8, { number: 8, head: { sha: head, ref: 'evil-head' }, base: { sha: evil, ref: 'evil' } });
    storeArtifact(gh, gate, head, forge(gate.outDir), { headBranch: 'evil-head' });
    const again = await comment();
    expect(again.stdout).not.toMatch(/::error::/);
    expect(downloaded()).toEqual([String(real), String(real)]);

    // A run whose pull request GitHub lists with another base now: refused.
    storeArtifact(gh, gate, head, forge(gate.outDir), { pullRequests: [{ number: 7, baseSha: evil }] });
    refused(await comment(), /the run that stored it was for base [0-9a-f]{12}, not this base/);

    // Retargeted to that branch and back (base_ref_changed after every run): no run since followed this base.
    gh.issueEvents[7] = [
      { event: 'base_ref_changed', created_at: new Date(Date.now() + 3_600_000).toISOString() },
    ];
    refused(await comment(), /no unexpired artifact "safety-gate" was made on it/);
    gh.issueEvents[7] = [];

    // Only the other workflow's and the other pull request's: nothing of this workflow for #7 to re-judge.
    gh.artifacts.splice(0);
    storeArtifact(gh, gate, head, forge(gate.outDir), { workflow: EXTRA });
    storeArtifact(gh, gate, head, forge(gate.outDir), { pullRequests: [{ number: 8, baseSha: base }] });
    // A listing without a base commit is no evidence either (it used to crash the run).
    storeArtifact(gh, gate, head, undefined, { pullRequests: [{ number: 7, baseSha: undefined as never }] });
    refused(
      await comment(),
      /no unexpired artifact "safety-gate" was made on it by a pull_request run of this workflow \(\.github\/workflows\/pr-gate\.yml\) for #7/,
    );

    // The forgery itself checks out (the hashes are not a signature): where it came from is what tells it apart.
    storeArtifact(gh, gate, head, forge(gate.outDir));
    const taken = await comment();
    expect(taken.stdout).not.toMatch(/::error::/);
    expect(gateJson(taken).delta).toBeGreaterThan(g1.delta);
  });

  it.each([
    ['the gate workflow itself', GATE_WORKFLOW.path],
    ['a reusable workflow it calls', '.github/workflows/gate-impl.yml'],
  ])("refused when the head rewrites %s (the run followed the head's workflows)", async (_what, file) => {
    const { head, gate, comment } = await signedOff(
      { [file]: 'on: workflow_call\njobs: { gate: { steps: [ { run: upload a forged gate } ] } }\n' },
      { '.github/workflows/gate-impl.yml': 'on: workflow_call\n' },
    );
    storeArtifact(gh, gate, head, forge(gate.outDir));
    refused(await comment(), /the head changes \.github\/workflows\//);
    expect(downloaded()).toHaveLength(1);
  });

  it("fails closed when this run's workflow is not a file of this repository", async () => {
    const { head, gate, comment } = await signedOff();
    storeArtifact(gh, gate, head);
    gh.runs.set(4242, {
      ...gh.runs.get(4242)!,
      path: 'acme/central/.github/workflows/gate.yml@refs/heads/main',
    });
    refused(await comment(), /this workflow's file \(.*\) is not one of this repository's workflows/);
    expect(downloaded()).toHaveLength(0);
  });
});

/** The workflow `init` writes: the agents job never runs on a sign-off; the gate job re-judges there. */
describe('examples/workflows/pr-gate.yml', () => {
  const wf = parse(readFileSync(join('examples', 'workflows', 'pr-gate.yml'), 'utf8')) as {
    on: Record<string, unknown>;
    jobs: Record<
      string,
      {
        if: string;
        permissions: Record<string, string>;
        steps: Array<{ uses?: string; if?: string; with?: Record<string, string> }>;
      }
    >;
  };
  it('runs the agents only on pull_request and the gate job in mode rejudge on comments and reviews', () => {
    expect(Object.keys(wf.on).sort()).toEqual(['issue_comment', 'pull_request', 'pull_request_review']);
    expect(wf.jobs.agents.if.trim()).toBe("github.event_name == 'pull_request'");
    const gate = wf.jobs.gate;
    expect(gate.if).toMatch(/!cancelled\(\)/);
    expect(gate.if).toMatch(/needs\.agents\.result == 'success'/);
    expect(gate.permissions).toMatchObject({ actions: 'read', checks: 'write', 'pull-requests': 'write' });
    expect(gate.permissions).not.toHaveProperty('contents', 'write');
    const step = gate.steps.find((s) => s.uses?.includes('agentic-safety-gate'))!;
    expect(step.with?.mode).toBe("${{ github.event_name == 'pull_request' && 'gate' || 'rejudge' }}");
    expect(gate.steps.find((s) => s.uses?.startsWith('actions/download-artifact'))?.if).toBe(
      "github.event_name == 'pull_request'",
    );
  });
});
