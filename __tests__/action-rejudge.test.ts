import { startFakeGitHub, type FakeGitHub } from './helpers/github-server.js';
import { startFakeLLM, type FakeLLM } from './helpers/fake-llm.js';
import type { Repo } from './helpers/git-repo.js';
import { REJUDGE_ENV, droppedCaseRepo, gateJson, storeArtifact } from './helpers/rejudge.js';
import { prEvent, runAction, type ActionRun } from './helpers/action-run.js';

describe('a sign-off re-judges the stored results of the head (bundled action, loopback GitHub API and model)', () => {
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

  /** A pull request whose head deletes a case: an unsigned WARN (cases_removed) that asks for a sign-off. */
  async function gatedPr(): Promise<{ repo: Repo; base: string; head: string; first: ActionRun }> {
    const { repo, base, head } = droppedCaseRepo(llm.url);
    const first = await runAction(repo, gh, prEvent(base, head), {}, env);
    expect(first.stdout).not.toMatch(/::error::/);
    gh.pulls.set(7, prEvent(base, head).pull_request);
    return { repo, base, head, first };
  }

  const commentEvent = { action: 'created', issue: { number: 7, pull_request: { url: 'x' } } };
  async function onComment(repo: Repo) {
    const from = llm.log.length;
    const r = await runAction(repo, gh, commentEvent, {}, { ...env, GITHUB_EVENT_NAME: 'issue_comment' });
    return { r, calls: llm.log.length - from };
  }

  it('a sign-off comment on a gated PR makes no model call: the stored results are judged again, now signed', async () => {
    const { repo, base, head, first } = await gatedPr();
    const g1 = gateJson(first);
    expect(g1.verdict).toBe('WARN');
    expect(g1.reasons.map((x) => x.code)).toContain('cases_removed');
    expect(g1.clearedBy).toBeNull();
    expect(g1.stored?.baselineSha256).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(llm.log.length).toBeGreaterThan(0);
    storeArtifact(gh, first, head);

    gh.addComment('alice', `/safety-gate sign-off ${head} the deleted case moved to the shared suite`);
    const { r, calls } = await onComment(repo);
    expect(r.stdout).not.toMatch(/::error::/);
    expect(calls).toBe(0);
    expect(r.stdout).toMatch(/re-judged the stored results of [0-9a-f]{40}: no agent was run/);
    const g2 = gateJson(r);
    expect(g2).toMatchObject({ verdict: 'WARN', clearedBy: 'security', delta: g1.delta, pValue: g1.pValue });
    expect(g2.signoffs.map((x) => x.by)).toEqual(['alice']);
    // The base's view of the head's changes is read again from the checkouts, not from the artifact.
    expect(g2.reasons.map((x) => x.code)).toEqual(g1.reasons.map((x) => x.code));
    const run = gh.checkRuns.get(Number(r.outputs['check-run-id']))!;
    expect(run).toMatchObject({ head_sha: head, conclusion: 'success' });
    // The artifact was found by listing the repository's artifacts and downloaded through the REST redirect.
    const paths = gh.requests.map((q) => `${q.method} ${q.path}`);
    expect(paths).toContain('GET /repos/acme/agent/actions/workflows/77/runs');
    expect(paths).toContain('GET /repos/acme/agent/actions/artifacts/900/zip');
    // The re-judged gate records the same hashes: a later sign-off can re-judge it in turn.
    expect(g2.stored).toEqual(g1.stored);

    // An approving review on the head commit does the same on pull_request_review.
    gh.addReview('alice', 'Reviewed the removed case: it lives in the shared suite now.', head);
    const from = llm.log.length;
    const review = await runAction(
      repo,
      gh,
      { ...prEvent(base, head), action: 'submitted', review: { state: 'approved' } },
      {},
      { ...env, GITHUB_EVENT_NAME: 'pull_request_review' },
    );
    expect(review.stdout).not.toMatch(/::error::/);
    expect(llm.log.length - from).toBe(0);
    expect(gateJson(review).clearedBy).toBe('security');
  });

  it('stored results that were changed, or are gone, are not trusted: a notice says why and both sides run', async () => {
    const { repo, head, first } = await gatedPr();
    // The candidate's results rewritten after the fact: every sample passes.
    storeArtifact(gh, first, head, (name, text) =>
      name === 'candidate.results.json' ? text.replace(/"passed": ?false/g, '"passed": true') : text,
    );
    gh.addComment('alice', `/safety-gate sign-off ${head} the deleted case moved to the shared suite`);
    const tampered = await onComment(repo);
    expect(tampered.r.stdout).toMatch(
      /::notice::Safety gate: the last gate of [0-9a-f]{40} is not re-judged: a results file does not match the sha256 gate.json records for it\. Both sides run\./,
    );
    expect(tampered.calls).toBeGreaterThan(0);
    expect(gateJson(tampered.r)).toMatchObject({ verdict: 'WARN', clearedBy: 'security' });

    gh.artifacts.length = 0;
    const gone = await onComment(repo);
    expect(gone.r.stdout).toMatch(/is not re-judged: no unexpired artifact "safety-gate" was made on it/);
    expect(gone.calls).toBeGreaterThan(0);

    // Results of another head commit are never taken for this one.
    storeArtifact(gh, first, 'f'.repeat(40));
    const other = await onComment(repo);
    expect(other.calls).toBeGreaterThan(0);
  });
});
